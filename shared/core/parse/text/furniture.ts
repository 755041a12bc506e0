import { isBoilerplate } from '../boilerplate';
import { roughWordCount } from '../text-util';

/**
 * Page furniture in copied text that boilerplate.ts (shared with the HTML extractor, which has markup to go
 * on) does not cover: the same kinds of line in the other languages copydesk meets, and the lines a copy of a
 * whole page drags along (comment forms, licence notes, "posted in" footers, PHP warnings).
 */
const FURNITURE: RegExp[] = [
  // Share, follow, newsletter and account lines.
  /^(?:teilen|diesen (?:artikel|beitrag) teilen|artikel teilen|jetzt teilen|compartir|partager|condividi|share (?:on|via|this)\b|teilen mit|sharen mit|folgen sie|folge uns|suivez-nous|síguenos|abonnieren|newsletter|anmelden|registrieren|einloggen|abmelden|mein konto|warenkorb|suscr[ií]bete|inscr[ií]bete|iniciar sesi[oó]n|se connecter|s'abonner|abonnez-vous)\b/i,
  // Reader comments and their forms.
  /\b(?:says|sagt|dice|dit|schreibt|wrote|meint):?$/i,
  /^(?:reply|antworten|responder|répondre|rispondi|permalink|permanentlink|melden|report|like|gefällt mir)$/i,
  /\b(?:your email address will not be published|deine e-mail-adresse wird nicht veröffentlicht|ihre e-mail-adresse wird nicht veröffentlicht|required fields are marked|erforderliche felder sind mit|this site uses akismet|diese website verwendet akismet|notify me of (?:new|follow-up)|benachrichtige mich)/i,
  // Legal and licence notes, site information.
  /\b(?:alle rechte vorbehalten|derechos reservados|tous droits réservés|tutti i diritti riservati|creative commons|impressum|datenschutz(?:erklärung)?|nutzungsbedingungen|agb|aviso legal|mentions légales|política de privacidad)\b/i,
  // "Posted in X by Y", "Veröffentlicht in", "Filed under", "Dieser Eintrag wurde veröffentlicht".
  /^(?:posted|filed|published|veröffentlicht|dieser eintrag wurde|kategorie|kategorien|schlagwörter|schlagworte|stichwörter|etiquetas|categorías|catégories|étiquettes)\b.*(?:\bin\b|:|\bunter\b)/i,
  /^(?:tags?|schlagwörter|schlagworte|stichwörter|themen|etiquetas|mots-clés)\s*:?\s*$/i,
  // Teasers that point elsewhere.
  /^(?:lesen sie auch|lies auch|auch interessant|mehr zum thema|weiterlesen|mehr lesen|mehr erfahren|zum artikel|lea (?:también|más)|leer más|ver más|lire aussi|lire la suite|en savoir plus|leggi anche|read (?:more|next|also|the full)|learn more|see more|view all|show more|load more|mehr anzeigen|alle anzeigen)\b/i,
  // Server errors printed into the page.
  /^(?:warning|notice|deprecated|fatal error)\s*:.*\bon line \d+/i,
  // Advertising labels, back links, pagination.
  /^(?:anzeige|werbung|publicidad|publicité|pubblicità|zurück|weiter|vor|next|previous|prev|older posts|newer posts|ältere beiträge|neuere beiträge|nach oben|seite \d+|page \d+(?: of \d+)?|\d+ von \d+)$/i,
  // Cookie banners in other words than boilerplate.ts knows.
  /\b(?:cookies?)\b.*\b(?:zustimmen|akzeptieren|einverstanden|ablehnen|aceptar|rechazar|accepter|refuser|ok)\b/i,
];

const MAX_FURNITURE_WORDS = 40;

/** More words than any line that could pass the word limits here or in boilerplate.ts (cookie banners: 70). */
const MAX_ANY_FURNITURE_WORDS = 70;

/** Spaces + 1: an upper bound of roughWordCount on normalised text, at a fraction of its cost on long lines. */
const spacedWords = (s: string): number => s.split(' ', MAX_ANY_FURNITURE_WORDS + 2).length;

export function isFurniture(line: string): boolean {
  if (spacedWords(line) > MAX_ANY_FURNITURE_WORDS + 1) return false;
  if (isBoilerplate(line)) return true;
  return roughWordCount(line) <= MAX_FURNITURE_WORDS && FURNITURE.some((re) => re.test(line));
}

/**
 * Lines after which an article does not go on: the comments, "related" teasers, the author box, the share
 * bar. The main text never runs across one of them, so they bound the region it is searched in.
 */
const BARRIER: RegExp[] = [
  /^(?:\d+\s+)?(?:comments?|kommentare?|comentarios?|commentaires?|commenti|responses?|reaktionen|antworten|replies)(?:\s*\(\d+\)|\s+\d+)?\s*:?$/i,
  /^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the discussion|schreibe einen kommentar|kommentar (?:schreiben|verfassen|hinterlassen)|einen kommentar schreiben|hinterlasse einen kommentar|deja un comentario|deja una respuesta|laisser un commentaire|laisser une réponse|lascia un commento)\b/i,
  /^(?:related(?: posts| articles| stories| content| news)?|more (?:stories|articles|news|from|on this)|you (?:may|might) also like|recommended(?: for you)?|read next|most (?:read|popular|viewed)|trending(?: now)?|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel|themen)|weitere (?:artikel|beiträge|nachrichten|meldungen|themen)|das könnte (?:dich|sie) auch interessieren|auch interessant|mehr zum thema|meistgelesen|artículos relacionados|noticias relacionadas|te puede interesar|también te puede interesar|articles similaires|à lire aussi|articoli correlati)\b/i,
  /^(?:about the author|über den autor|über die autorin|sobre el autor|à propos de l'auteur|author bio)\b/i,
  /^(?:share this|share this (?:article|story|post)|teilen mit|diesen beitrag teilen|artikel teilen|compartir(?: esto| en)?|partager(?: cet article)?)\s*:?$/i,
];

const MAX_BARRIER_WORDS = 8;

const MAX_BARRIER_CHARS = 80;

export function isBarrier(line: string): boolean {
  if (line.length > MAX_BARRIER_CHARS) return false;
  return roughWordCount(line) <= MAX_BARRIER_WORDS && BARRIER.some((re) => re.test(line));
}

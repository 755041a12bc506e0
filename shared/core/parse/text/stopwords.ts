/**
 * The commonest function words of the languages copydesk meets most (English, German, French, Spanish,
 * Italian, Portuguese, Dutch). Running prose is full of them and menus, teasers and credits are not, which is
 * the signal jusText builds on. One merged set: a word that is a function word in one language and content in
 * another ("die", "also") only nudges the density, so no language has to be detected first.
 */
// prettier-ignore
const WORDS = `
a about after all also an and any are as at be because been but by can could did do does for from had has have
he her his how i if in into is it its just more most my no not now of on one only or other our out over she so
some such than that the their them then there these they this those to up was we were what when where which
who will with would you your
aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die dies
diese dieser doch dort du durch ein eine einem einen einer eines er es für gegen hat hatte ich ihr ihre im in
ist ja kann kein keine man mehr mit nach nicht noch nur ob oder schon sehr sein seine sich sie sind so über um
und uns unter vom von vor war waren was wenn werden wie wir wird wurde zu zum zur zwischen
au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais me même ne nous on ou
par pas plus pour qu que qui sa se ses son sont sur un une vous été être
al como con del el ella en entre era es esta este fue ha hay la las le lo los más mi muy no nos o para pero
por que se ser si sin sobre son su sus también un una uno y ya
che di della delle dei gli il nel nella non per più sono una anche come ma questo questa
ao às com da das do dos em foi mais na nas no nos não os ou pela pelo por que se sem um uma é
aan als bij dat de die dit een en er het hij in is met niet of om ook op te van voor was wat ze zijn
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Share of a line's words that are function words; 0 for a line with no Latin-script words. */
export function stopwordDensity(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  if (words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (STOPWORDS.has(w)) n++;
  return n / words.length;
}

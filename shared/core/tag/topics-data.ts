/**
 * Word lists for the IPTC Media Topics classifier (topics.ts).
 *
 * Codes and English labels are IPTC's (Media Topics NewsCodes, release 2026-07-02, CC BY 4.0,
 * https://cv.iptc.org/newscodes/mediatopic/). The terms are derived from the topics' labels,
 * definitions and subtopic labels, plus common newsroom vocabulary for each desk.
 *
 * Syntax of a term list: comma-separated terms. `word*` matches any word starting with `word`
 * (inflections, derivations, German compounds); a plain word matches itself and its plural; a
 * multi-word term matches the words in sequence and takes precedence over its single words, so
 * `world war` can carry little conflict weight while `war` alone carries much. The key of each
 * list is the term's weight: 3 names the topic almost alone, 2 is typical of it, 1 leans to it.
 * A weight of 0 (the `neutral` lists) consumes a phrase without scoring, to silence a spurious word.
 */

export type Weighted = Partial<Record<0 | 0.5 | 1 | 2 | 3, string>>;

export interface TopicDef {
  code: string;
  label: string;
  terms: Partial<Record<Lang, Weighted>>;
}

export interface SubtopicDef extends TopicDef {
  parent: string;
}

export type Lang = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it';
export const LANGS: readonly Lang[] = ['en', 'es', 'fr', 'de', 'pt', 'it'];

export const TOPICS: TopicDef[] = [
  {
    code: 'medtop:01000000',
    label: 'arts, culture, entertainment and media',
    terms: {
      en: {
        3: 'box office, film festival, art exhibition, art gallery, museum*, orchestra*, symphon*, opera, ballet, theatre, theater, broadway, west end, oscar*, academy award*, golden globe*, grammy, grammys, emmy, emmys, bafta*, booker prize, pulitzer prize, novelist*, screenwriter*, sitcom*, box-office, blockbuster*, filmmaker*, film director, album*, singer-songwriter, rapper*, pop star, rock band, hip hop, hip-hop, k-pop, netflix, streaming service, sculptor*, sculpture*, painting*, painter*, choreograph*, playwright*, poet*, poetry, novels, memoir*, bestseller*, best-seller*, cinema*, documentar*, animated film, anime, comic book*, manga, video game*, gaming industry, esports, literary, literature, heritage site, unesco world heritage, concert, concerts, jazz, red carpet, premiered, premieres',
        2: 'film, films, movie*, actress*, starring, trailer*, sequel*, studio, studios, hollywood, bollywood, music, musician*, song*, singer*, band, bands, artist*, art, arts, artwork*, exhibition*, gallery, galleries, curator*, book, books, publisher*, publishing, journalis*, newspaper*, magazine*, broadcaster*, television, tv, tv show, episode*, season finale, comedy, comedian*, celebrit*, fashion show, entertainment, radio, podcast*, audience*, dance*, dancer*, cartoon*, classical music, soundtrack*, lyric*, record label, billboard, singing, sings, sang, design, designer, designers, author, authors, chart, charts, gig, gigs, novel, actor, actors, festival, festivals, premiere, pop music, rock music',
        1: 'director, star, stars, series, drama, culture, cultural, media, stage, performance, performances, performer, performers, fans, critics, review, reviews, photography, photographer, architect, architecture, creative, writer, writers, producer, producers, award, awards, prize, prizes, character, characters, scene, screen, tour, nominated, nomination',
      },
      es: {
        3: 'pelicula*, cine, festival de cine, museo*, orquesta*, opera, teatro*, novela*, novelista*, poeta*, poesia, concierto*, album*, cantante*, escritor*, exposicion*, premios goya, premio*',
        2: 'musica*, music*, artista*, arte, cultura*, cultural*, actor, actriz, director de cine, serie*, television, libro*, escenario*, estreno*, galeria*, literatura, periodis*, medios de comunicacion',
      },
      fr: {
        3: 'film, films, cinema*, festival de cannes, musee*, orchestre*, opera, theatre*, roman, romans, romancier*, poete*, poesie, concert*, album*, chanteu*, chanson*, ecrivain*, exposition*, cesar',
        2: 'musique*, musicien*, artiste*, art, arts, culture*, culturel*, acteur*, actrice*, realisat*, serie*, television, livre*, scene, spectacle*, galerie*, litterat*, journalis*, medias',
      },
      de: {
        3: 'film, filme, films, kino*, filmfest*, museum*, museen, orchester*, oper, opern*, theater*, roman, romane, schriftsteller*, dichter*, lyrik, konzert*, album, alben, sanger*, ausstellung*, berlinale',
        2: 'musik*, musiker*, kunstler*, kunst, kultur*, schauspiel*, regisseur*, serie, serien, fernseh*, buch, bucher, buhne*, premiere*, galerie*, literatur*, journalis*, medien',
      },
      pt: {
        3: 'filme*, cinema, festival de cinema, museu*, orquestra*, opera, teatro*, romance*, romancista*, poeta*, poesia, concerto*, album, albuns, cantor*, escritor*, exposicao*, exposicoes',
        2: 'musica*, musico*, artista*, arte, artes, cultura*, cultural*, ator, atores, atriz, realizador*, serie*, novela*, televisao, livro*, palco*, estreia*, galeria*, literatura, jornalis*',
      },
      it: {
        3: 'film, cinema, festival del cinema, mostra del cinema, museo, musei, orchestra*, opera lirica, teatro*, romanzo*, romanziere*, poeta*, poesia, concerto*, album, cantant*, scrittor*, mostra*',
        2: 'musica*, musicist*, artist*, arte, cultura*, cultural*, attore, attori, attrice, regista*, serie, televisione, libro, libri, palco*, galleria*, letteratura, giornalis*',
      },
    },
  },
  {
    code: 'medtop:02000000',
    label: 'crime, law and justice',
    terms: {
      en: {
        3: 'arrest*, indict*, convict*, sentenced, sentencing, prison sentence, jail sentence, life sentence, death penalty, death row, prosecutor*, prosecution, prosecuted, defendant*, plaintiff*, lawsuit*, suing, jury, juries, juror*, verdict*, acquit*, guilty, not guilty, pleaded, plea deal, plea bargain, retrial, murder*, homicide*, manslaughter, stabbing*, stabbed, shooting suspect, gunman, gunmen, robbery, robberies, burglar*, theft, thefts, fraud*, embezzl*, bribery, bribe*, money laundering, laundering, smuggl*, trafficking, trafficker*, drug dealer*, drug cartel*, cartel*, gang, gangs, gangster*, mafia, kidnap*, abduct*, assault*, sexual assault, rape, raped, rapist*, police said, police officer*, detective*, fbi, interpol, scotland yard, supreme court ruling, high court, appeals court, court of appeal, district court, federal court, crown court, magistrate*, judge ruled, judge*, justice department, department of justice, attorney general, criminal*, felony, felonies, misdemeanor*, extradit*, parole, bail, custody, detained, detention, charged with, charges against, criminal charges, cybercrime*, hacker*, scam*, scammer*, counterfeit*, forensic*, warrant*, subpoena*, testif*, testimony, witness*, lawyer*, attorney*, solicitor*, barrister*, litigation, legal action, court case, courtroom, ruled that, unconstitutional, civil rights lawsuit, police, policing, cop, cops, inmate*, prisoner*, prison*, jail*, penitentiary, corruption case, accused of, trial, trials, crime, crimes, on trial, stood trial, went on trial',
        2: 'court, courts, law, laws, legal, illegal*, illegally, justice, lawmakers passed, investigat*, probe, allegation*, alleged*, allegedly, charged, charges, fined, penalt*, sentence*, offence*, offense*, offender*, violence, violent, shot dead, gun violence, narcotic*, cocaine, heroin, fentanyl, meth, corruption, corrupt, misconduct, abuse*, harass*, stalking, hate crime*, terror plot, confess*, interrogat*, seized, seizure*, crackdown, enforcement, law enforcement, sheriff*, constable*, officers, patrol*, security guard*, verdict, injunction*, copyright infringement, patent infringement, regulator fined, whistleblower*, victim, victims, suspect, suspects, suspected, ruling, drug, drugs, firearm, firearms, raid, raids, raided',
        1: 'charge, appeal, appeals, settlement, damages, case, cases, evidence, killed, investigation, weapon, weapons, surveillance, shot',
      },
      es: {
        3: 'detenid*, detencion*, arrest*, condena*, condenad*, fiscal*, fiscalia, juicio*, juez, jueces, tribunal*, sentencia*, acusad*, asesinat*, homicidio*, robo*, fraude*, corrupcion, soborno*, narcotrafic*, cartel*, secuestr*, violacion, carcel*, prision*, delito*, crimen*, criminal*, policia*, abogad*',
        2: 'denuncia*, investigacion*, justicia, ley, leyes, legal*, ilegal*, victima*, sospechos*, agentes, guardia civil',
      },
      fr: {
        3: 'interpell*, arret*, condamn*, procureur*, parquet, proces, juge, juges, tribunal, tribunaux, cour d appel, accuse*, meurtre*, homicide*, vol, vols, escroquerie*, fraude*, corruption, trafic de drogue, enlevement*, viol, prison*, delit*, crime*, criminel*, police*, gendarm*, avocat*, garde a vue, mis en examen',
        2: 'plainte*, enquete*, justice, loi, lois, legal*, illegal*, victime*, suspect*, policiers, agents',
      },
      de: {
        3: 'festgenommen, festnahme*, verhaft*, verurteil*, staatsanwalt*, anklage*, angeklagt*, prozess, gericht*, richter*, urteil*, mord*, totschlag, raub*, diebstahl*, betrug*, korruption*, bestechung*, drogenhandel*, entfuhr*, vergewaltig*, gefangnis*, haft*, straftat*, verbrech*, kriminal*, polizei*, polizist*, anwalt*, anwalte, ermittler*',
        2: 'anzeige*, ermittlung*, justiz*, gesetz*, illegal*, opfer*, verdacht*, verdachtig*, tater*',
      },
      pt: {
        3: 'pres*, prisao, detid*, condena*, condenad*, promotor*, ministerio publico, julgamento*, juiz, juiza, juizes, tribunal*, sentenca*, acusad*, assassin*, homicidio*, roubo*, furto*, fraude*, corrupcao, suborno*, trafico*, sequestr*, estupro*, cadeia*, crime*, criminos*, policia*, advogad*, delegad*',
        2: 'denuncia*, investigac*, justica, lei, leis, legal*, ilegal*, vitima*, suspeit*, agentes',
      },
      it: {
        3: 'arrestat*, arresto, arresti, condann*, procura*, procurator*, processo, giudic*, tribunal*, sentenz*, imputat*, omicidi*, rapina*, furto*, frode*, truffa*, corruzione, tangent*, narcotraffic*, mafia, camorra, ndrangheta, sequestr*, stupro*, carcere, carceri, reato, reati, crimin*, polizia*, carabinier*, avvocat*',
        2: 'denuncia*, indagin*, giustizia, legge, leggi, legal*, illegal*, vittima*, vittime, sospett*, agenti',
      },
    },
  },
  {
    code: 'medtop:03000000',
    label: 'disaster, accident and emergency incident',
    terms: {
      en: {
        3: 'earthquake*, quake*, tsunami*, volcan*, eruption*, landslide*, mudslide*, avalanche*, wildfire*, bushfire*, forest fire*, flood*, flooding, flash flood*, hurricane*, typhoon*, cyclone*, tornado*, drought*, famine*, plane crash, air crash, helicopter crash, car crash, train crash, derail*, collision, collided, crashed, shipwreck*, capsiz*, sank, sinking, explosion*, blast, blasts, exploded, building collapse, fire broke out, blaze*, firefighter*, fire brigade, fire department, rescue*, rescuer*, search and rescue, evacuat*, death toll, survivor*, casualt*, injured, injuries, emergency services, paramedic*, ambulance*, disaster*, catastroph*, accident*, mine collapse, gas leak, chemical spill, oil spill, stampede*, drown*, missing people, red cross, red crescent, state of emergency, relief effort*, aid worker*, humanitarian aid, emergency response, first responder*, magnitude, richter scale, aftershock*, storm surge, crash site, road accident, traffic accident',
        2: 'fire, fires, burn*, emergency, victims, wreckage, debris, rubble, trapped, missing, damaged, destroyed, destruction, homeless, shelter*, passenger*, aircraft, ferry, ferries, driver*, incident*, tragedy, tragic, devastat*, crash, crashes, collapsed, storm, storms, motorist, motorists',
        1: 'killed, dead, died, deaths, power outage*, blackout*, bus, truck, highway, road, flight, safety, warning, warnings, crew, pilot, vessel, hazard, alert, alerts, power outage, power outages',
      },
      es: {
        3: 'terremoto*, sismo*, tsunami, volcan*, erupcion*, deslizamiento*, incendio*, inundacion*, huracan*, tornado*, sequia*, accidente*, choque*, descarril*, naufragio*, explosion*, derrumbe*, bomberos, rescate*, evacua*, damnificad*, catastrofe*, desastre*, tragedia*',
        2: 'heridos, fallecid*, muertos, victimas, emergencia*, alerta*, tormenta*, lluvias',
      },
      fr: {
        3: 'seisme*, tremblement de terre, tsunami, volcan*, eruption*, glissement de terrain, incendie*, inondation*, crue*, ouragan*, cyclone*, tornade*, secheresse*, accident*, collision*, deraill*, naufrage*, explosion*, effondrement*, pompiers, secours, sauvetage*, evacu*, catastrophe*, sinistr*, drame',
        2: 'blesses, morts, victimes, urgence*, alerte*, tempete*, intemperies',
      },
      de: {
        3: 'erdbeben*, tsunami, vulkan*, ausbruch, erdrutsch*, lawine*, waldbrand*, brand, brande, brandes, feuer, uberschwemm*, hochwasser*, flut*, hurrikan*, wirbelsturm*, tornado*, durre*, unfall*, unglueck*, ungluck*, zusammenstoss, entgleis*, explosion*, einsturz*, feuerwehr*, rettung*, evakuier*, katastroph*',
        2: 'verletzt*, tote, toten, todesopfer, notfall*, notstand, unwetter*, sturm*',
      },
      pt: {
        3: 'terremoto*, sismo*, tsunami, vulcao*, erupcao*, deslizamento*, incendio*, inundac*, enchente*, furacao*, ciclone*, tornado*, seca, secas, acidente*, colisao*, descarril*, naufragio*, explosao*, desabamento*, bombeiros, resgate*, evacua*, desabrigad*, catastrofe*, desastre*, tragedia*',
        2: 'feridos, mortos, vitimas, emergencia*, alerta*, tempestade*, chuvas',
      },
      it: {
        3: 'terremoto*, sisma, scossa*, tsunami, vulcan*, eruzione*, frana*, incendi*, alluvione*, inondazion*, uragano*, ciclone*, tornado*, siccita, incidente*, scontro*, deragliament*, naufragio*, esplosione*, crollo*, vigili del fuoco, soccors*, evacua*, sfollat*, catastrofe*, disastro*, tragedia*',
        2: 'feriti, morti, vittime, emergenza*, allerta*, maltempo, tempesta*',
      },
    },
  },
  {
    code: 'medtop:04000000',
    label: 'economy, business and finance',
    terms: {
      en: {
        3: 'economy, economies, economic growth, gdp, gross domestic product, inflation, recession*, interest rate*, central bank*, federal reserve, european central bank, ecb, monetary policy, fiscal policy, stock market*, stock exchange*, shares, shareholder*, stocks, equities, bond yield*, bonds, treasur*, wall street, dow jones, nasdaq, ftse, nikkei, investor*, investment*, investing, hedge fund*, private equity, venture capital, ipo, merger*, acquisition*, takeover*, buyout*, revenue*, profit*, earnings, quarterly results, net income, sales rose, sales fell, turnover, dividend*, ceo, chief executive*, cfo, chief financial officer, corporat*, startup*, start-up*, entrepreneur*, industry, industries, manufactur*, retailer*, market share, banking, banker*, lender*, loan*, mortgage*, credit*, debt*, bankrupt*, insolven*, tariff*, trade deal, trade war, trade deficit, trade surplus, exporter*, importer*, commodit*, oil price*, crude oil, brent crude, opec, gold price*, currency, currencies, exchange rate*, yen, yuan, sterling, cryptocurrenc*, bitcoin, fintech, imf, international monetary fund, world bank, wto, budget deficit, public debt, unemployment rate, jobs report, supply chain*, economist*, valuation*, market cap*, fiscal year, pricing, taxes, taxation, subsid*, real estate, property market, housing market, inflation rate, consumer prices, spending, stimulus, bailout*, austerity, pension fund*, portfolio*, supplier*, airline*, automaker*, carmaker*, tech giant*, conglomerate*, share price, share prices, stock price, stock prices, the federal reserve, retail sales, retailer, retailers, exports, imports, export, import, s p 500, business news, bank of england, bank of japan, stock market crash',
        2: 'market, markets, trading, trader*, growth, growing, financ*, money, dollars, euros, pounds, sales, sell, sold, buy, buying, bought, deals, contract*, factory, factories, plant, production, output, demand, supply, oil, gas, petrol, fuel, electricity, power plant*, mining, miner*, agricultur*, farm*, crop*, tourism, shipping, logistics, transport, infrastructure, construction, housing, rent, rents, wage*, salar*, income*, wealth, poverty, budget*, fiscal, monetary, regulator*, regulation*, antitrust, competition, monopol*, economic, economically, commercial, profitable, growth rate, rate hike*, rate cut*, company, companies, firm, firms, business, businesses, tax, taxpayer, taxpayers, prices, asset, assets, fund, funds, forecast, forecasts, analyst, analysts, consumer, consumers, customer, customers, dollar, euro, bank, banks, invest, trade, sector, sectors, retail, investors',
        1: 'billion, billions, million, millions, percent, per cent, price, cost, costs, executive, executives, product, products, brand, brands, quarter, loss, losses, rose, fell, energy, jobs, employer, employers, record, value, worth, increase, decline, target, deal, service, services',
      },
      es: {
        3: 'economia*, economic*, pib, inflacion, recesion, tipos de interes, banco central, bolsa*, acciones, accionista*, inversor*, inversion*, empresa*, empresari*, negocio*, mercado*, exportacion*, importacion*, arancel*, deuda*, presupuesto*, impuesto*, beneficio*, ganancia*, ventas, facturacion, ibex, bancos, banca, precio*, dolar*, euro*, financ*',
        2: 'crecimiento, compania*, industria*, comercio, consumo, empleo, desempleo, salario*, millones, petroleo, energia',
      },
      fr: {
        3: 'economie*, economique*, pib, inflation, recession, taux d interet, banque centrale, bourse*, actions, actionnaire*, investisseur*, investissement*, entreprise*, societe*, marche*, exportation*, importation*, droits de douane, dette*, budget*, impot*, benefice*, chiffre d affaires, cac 40, banque*, prix, dollar*, euro*, financ*',
        2: 'croissance, industrie*, commerce, consommation, emploi, chomage, salaire*, millions, milliards, petrole, energie',
      },
      de: {
        3: 'wirtschaft*, konjunktur*, bip, inflation, rezession, zins*, zentralbank*, notenbank*, ezb, borse*, aktie*, aktionar*, anleger*, investition*, investor*, unternehmen*, konzern*, firma, firmen, markt, markte, export*, import*, zoll, zolle, schulden*, haushalt*, steuer*, gewinn*, umsatz*, dax, bank, banken, preis*, dollar, euro, finanz*',
        2: 'wachstum, industrie*, handel*, konsum*, arbeitsmarkt, arbeitslos*, lohn, lohne, gehalt*, millionen, milliarden, ol, energie*',
      },
      pt: {
        3: 'economia*, economic*, pib, inflacao, recessao, taxa de juros, juros, banco central, bolsa*, acoes, acionista*, investidor*, investimento*, empresa*, empresari*, negocio*, mercado*, exportac*, importac*, tarifa*, divida*, orcamento*, imposto*, lucro*, receita*, vendas, faturamento, ibovespa, bancos, precos, dolar*, euro*, financ*',
        2: 'crescimento, companhia*, industria*, comercio, consumo, emprego, desemprego, salario*, milhoes, bilhoes, petroleo, energia',
      },
      it: {
        3: 'economia*, economic*, pil, inflazione, recessione, tassi di interesse, banca centrale, borsa*, azioni, azionist*, investitor*, investiment*, impresa, imprese, azienda*, aziende, mercato*, mercati, esportazion*, importazion*, dazi, debito*, bilancio*, tasse, imposte, utile*, fatturato, ricavi, ftse mib, banche, prezzi, dollar*, euro, finanz*',
        2: 'crescita, societa, industria*, commercio, consumi, occupazione, disoccupazione, salari*, milioni, miliardi, petrolio, energia',
      },
    },
  },
  {
    code: 'medtop:05000000',
    label: 'education',
    terms: {
      en: {
        3: 'school*, pupil*, student*, teacher*, teaching, classroom*, curricul*, university, universities, college*, campus*, tuition, school district*, education*, educational, educator*, kindergarten*, preschool*, primary school*, secondary school*, high school*, elementary school*, graduate*, graduation, undergraduate*, postgraduate*, phd, doctoral, professor*, lecturer*, faculty, examination*, test scores, gcse*, a-levels, diploma*, scholarship*, student loan*, homeschool*, literacy, enrol*, enrollment*, headteacher*, head teacher*, school board*, department of education, ministry of education, education minister, academic*, academia, semester*, term time, homework, syllabus, vocational training, apprenticeship*, dropout*, exam, exams, examination, examinations, school principal, exam results',
        2: 'learning, learners, lesson, lessons, admission, admissions, study, studying, alumni',
        1: 'degree, degrees, children, kids, young people, parents, research, class, classes, grade, grades, course, courses, training, library, libraries, skills, knowledge',
      },
      es: {
        3: 'escuela*, colegio*, alumno*, estudiante*, profesor*, docente*, maestro*, aula*, universidad*, universitari*, educacion, educativ*, ensenanza, examen*, selectividad, matricula*, beca*, curso escolar, ministerio de educacion',
        2: 'clase*, aprendizaje, formacion, titulo*, grado*',
      },
      fr: {
        3: 'ecole*, college*, lycee*, eleve*, etudiant*, enseignant*, professeur*, instituteur*, universite*, universitaire*, education, educatif*, enseignement*, examen*, baccalaureat, bac, rentree scolaire, bourse d etudes, education nationale',
        2: 'classe*, apprentissage, formation, diplome*',
      },
      de: {
        3: 'schule*, schuler*, student*, lehrer*, lehrkraft*, unterricht*, universitat*, hochschul*, bildung*, studium, prufung*, abitur, kita*, kindergarten*, klassenzimmer, stipendi*, kultusminist*',
        2: 'klasse*, lernen, ausbildung*, abschluss*, professor*',
      },
      pt: {
        3: 'escola*, colegio*, aluno*, estudante*, professor*, docente*, sala de aula, universidade*, universitari*, educacao, educacional*, ensino*, exame*, vestibular, enem, matricula*, bolsa de estudo*, ministerio da educacao',
        2: 'aula*, aprendizagem, formacao, diploma*, curso*',
      },
      it: {
        3: 'scuola, scuole, scolastic*, alunn*, student*, insegnant*, docent*, professor*, aula, aule, universita, universitari*, istruzione, educazion*, esame*, maturita, iscrizion*, borsa di studio, ministero dell istruzione',
        2: 'classe, classi, apprendimento, formazione, laurea*',
      },
    },
  },
  {
    code: 'medtop:06000000',
    label: 'environment',
    terms: {
      en: {
        3: 'climate change, climate crisis, global warming, greenhouse gas*, carbon emission*, emissions, carbon dioxide, co2, methane, net zero, net-zero, carbon neutral*, paris agreement, cop26, cop27, cop28, cop29, cop30, ipcc, fossil fuel*, renewable*, solar power, solar panel*, solar farm*, wind power, wind farm*, wind turbine*, clean energy, green energy, energy transition, electric vehicle*, pollution, pollutant*, air quality, smog, plastic waste, microplastic*, recycl*, landfill*, deforestation, reforestation, rainforest*, biodiversity, endangered species, extinction, wildlife, conservation*, conservationist*, habitat*, ecosystem*, ecolog*, environmental*, environmentalist*, greenpeace, wwf, national park*, nature reserve*, coral reef*, glacier*, ice sheet*, sea level*, sea-level, ocean acidification, heatwave*, heat wave*, extreme weather, carbon tax, carbon capture, sustainab*, green deal, epa, environmental protection agency, toxic waste, contaminat*, water pollution, clean air, climate activist*, climate goals, climate target*, climate policy, environment minister, species, poaching, poacher*, climate, drought, droughts',
        2: 'carbon, environment, nature, natural resources, waste, plastic*, coal, fossil, ocean, oceans, marine, forest, forests, whale, whales, bees, insects, toxic, warming, emission',
        1: 'energy, water, sea, seas, animal, animals, fish, fishing, green, coast, coastal, temperature, temperatures, organic, farming, birds, soil, river, rivers, lake, lakes, trees, chemicals, planet, earth',
      },
      es: {
        3: 'cambio climatico, calentamiento global, emisiones, gases de efecto invernadero, contaminacion, medio ambiente, medioambient*, ambiental*, biodiversidad, deforestacion, reciclaje, renovable*, especies en peligro, ecologi*, sostenib*',
        2: 'clima*, carbono, residuos, plastico*, bosque*, fauna, flora, sequia*, energia solar, energia eolica',
      },
      fr: {
        3: 'changement climatique, rechauffement climatique, emissions, gaz a effet de serre, pollution, environnement*, environnemental*, biodiversite, deforestation, recyclage, renouvelable*, especes menacees, ecologi*, durable*',
        2: 'climat*, carbone, dechets, plastique*, foret*, faune, flore, secheresse*, energie solaire, eolien*',
      },
      de: {
        3: 'klimawandel, klimakrise, erderwarmung, treibhausgas*, emission*, co2, umweltverschmutzung, umwelt*, artenvielfalt, biodiversitat, abholzung, recycling, erneuerbar*, artenschutz, okolog*, nachhaltig*, klimaschutz*',
        2: 'klima*, kohlendioxid, mull, abfall*, plastik*, wald, walder, tierart*, durre*, solar*, windkraft*',
      },
      pt: {
        3: 'mudancas climaticas, mudanca climatica, aquecimento global, emissoes, gases de efeito estufa, poluicao, meio ambiente, ambiental*, biodiversidade, desmatamento, reciclagem, renovave*, especies ameacadas, ecologi*, sustentab*',
        2: 'clima*, carbono, residuos, lixo, plastico*, floresta*, amazonia, fauna, flora, seca, energia solar, energia eolica',
      },
      it: {
        3: 'cambiamento climatico, cambiamenti climatici, riscaldamento globale, emissioni, gas serra, inquinamento, ambiente, ambiental*, biodiversita, deforestazione, riciclo, rinnovabil*, specie minacciate, ecologi*, sostenibil*',
        2: 'clima*, carbonio, rifiuti, plastica*, foresta*, foreste, fauna, flora, siccita, energia solare, eolic*',
      },
    },
  },
  {
    code: 'medtop:07000000',
    label: 'health',
    terms: {
      en: {
        3: 'health care, healthcare, public health, hospital*, patient*, doctor*, physician*, nurse*, nursing, surgeon*, surgery, surgeries, clinic*, clinical trial*, medical, medicine*, medication*, drug trial*, vaccine*, vaccinat*, immunis*, immuniz*, virus*, viral infection*, infection*, infectious, disease*, epidemic*, pandemic*, outbreak*, covid*, coronavirus*, sars-cov-2, influenza, flu, measles, malaria, tuberculosis, hiv, ebola, cholera, mpox, dengue, cancer*, tumour*, tumor*, chemotherapy, diabetes, obesity, heart disease, dementia, alzheimer*, mental health, suicide*, diagnos*, symptom*, treatment*, therapy, therapies, therapeutic*, pharmaceutical*, pharma, drugmaker*, prescription*, world health organization, cdc, nhs, fda, medicaid, medicare, health insurance, health minister, health ministry, ministry of health, department of health, life expectancy, mortality rate, intensive care, icu, emergency room, ambulance*, paramedic*, dental, dentist*, pregnan*, maternity, abortion*, fertility, ivf, nutrition*, calorie*, wellbeing, well-being, smoking, tobacco, vaping, opioid*, addiction*, overdos*, antibiotic*, antimicrobial, blood pressure, cholesterol, genome*, genetic*, psychiatr*, autism, tested positive, health officials, hiv aids',
        2: 'health, healthy, care, sick, illness*, ill, cure*, quarantine*, lockdown*, waiting list*, waiting time*, depression, anxiety, sleep, alcohol, psychological, psychologist, psychologists, disability, disabilities, diet, diets, stroke, strokes, dose, doses, drug, drugs, pill, pills, immune, infected, mortality, brain, lung, lungs, liver, kidney, kidneys, injury, injuries, beds',
        1: 'fitness, cases, study, risk, risks, body, heart, testing, cells, blood, pain, mask, masks, elderly, deaths, died, women, children',
      },
      es: {
        3: 'salud, sanidad, sanitari*, hospital*, paciente*, medico*, medica*, enfermer*, cirugia*, clinic*, vacuna*, virus, infeccion*, enfermedad*, epidemia*, pandemia*, brote*, covid*, coronavirus, cancer*, diabetes, obesidad, salud mental, tratamiento*, farmac*, medicamento*, oms, ministerio de sanidad',
        2: 'sintoma*, contagio*, diagnostico*, urgencias, cuidados intensivos',
      },
      fr: {
        3: 'sante, sanitaire*, hopita*, patient*, medecin*, medical*, infirmier*, infirmiere*, chirurg*, clinique*, vaccin*, virus, infection*, maladie*, epidemie*, pandemie*, covid*, coronavirus, cancer*, diabete, obesite, sante mentale, traitement*, pharmac*, medicament*, oms, ministre de la sante',
        2: 'symptome*, contamin*, diagnostic*, urgences, soins, reanimation',
      },
      de: {
        3: 'gesundheit*, krankenhaus*, klinik*, patient*, arzt, arzte, arztin*, pfleg*, chirurg*, operation, impf*, virus, viren, infektion*, krankheit*, erkrank*, epidemie*, pandemie*, corona*, covid*, krebs*, diabetes, fettleibig*, psychisch*, behandlung*, therapie*, medikament*, pharma*, who, krankenkasse*, gesundheitsminist*',
        2: 'symptom*, diagnose*, notaufnahme, intensivstation*, medizin*',
      },
      pt: {
        3: 'saude, sanitari*, hospita*, paciente*, medico*, medica*, enfermeir*, cirurgia*, clinica*, vacina*, virus, infeccao*, infeccoes, doenca*, epidemia*, pandemia*, surto*, covid*, coronavirus, cancer, diabetes, obesidade, saude mental, tratamento*, farmac*, medicamento*, oms, sus, ministerio da saude',
        2: 'sintoma*, contagio*, diagnostico*, urgencia, uti, cuidados intensivos',
      },
      it: {
        3: 'salute, sanita, sanitari*, ospedal*, pazient*, medic*, infermier*, chirurg*, clinica*, vaccin*, virus, infezion*, malatti*, epidemia*, pandemia*, focolai*, covid*, coronavirus, cancro, tumore*, diabete, obesita, salute mentale, cura, cure, terapi*, farmac*, oms, ministero della salute',
        2: 'sintom*, contagi*, diagnosi, pronto soccorso, terapia intensiva',
      },
    },
  },
  {
    code: 'medtop:08000000',
    label: 'human interest',
    terms: {
      en: {
        3: 'royal family, royal baby, the queen, the king, prince, princess, duchess, duke of, birthday*, anniversar*, centenarian*, 100th birthday, oldest person, oldest man, oldest woman, world record, guinness world record*, heartwarming, viral video, went viral, puppy, puppies, kitten*, rescue dog, zoo, zoos, panda*, obituar*, passed away, dies aged, died aged, wedding*, reunited, reunion, lottery winner*, pet, pets, dog owner, cat owner',
        2: 'dog, dogs, cat, cats, bizarre, quirky, grandmother, grandfather, grandmothers, grandfathers, kindness, strangers',
        1: 'hero, heroes, heroic, love, story, surprise, amazing, incredible, adorable, family, families, mother, father, daughter, daughters, son, sons, couple, celebrate, celebrated, celebration, childhood, memories, moment, moments, animals, owner, owners, bravery, brave',
      },
      es: {
        3: 'cumpleanos, aniversario*, boda*, mascota*, perro*, gato*, zoologico, record mundial, familia real, principe, princesa',
      },
      fr: {
        3: 'anniversaire*, mariage*, animal de compagnie, chien*, chat, chats, zoo, record du monde, famille royale, prince, princesse',
      },
      de: {
        3: 'geburtstag*, jubilaum*, hochzeit*, haustier*, hund*, katze*, zoo, weltrekord*, konigshaus, konigsfamilie, prinz, prinzessin',
      },
      pt: {
        3: 'aniversario*, casamento*, animal de estimacao, cachorro*, cao, caes, gato*, zoologico, recorde mundial, familia real, principe, princesa',
      },
      it: {
        3: 'compleanno*, anniversario*, matrimonio, nozze, animale domestico, cane, cani, gatto*, gatti, zoo, record mondiale, famiglia reale, principe, principessa',
      },
    },
  },
  {
    code: 'medtop:09000000',
    label: 'labour',
    terms: {
      en: {
        3: 'striking workers, walkout*, industrial action, picket*, trade union*, labour union*, labor union*, union member*, union leader*, unions, collective bargaining, wage deal, pay rise, pay raise, pay dispute, pay offer, minimum wage, living wage, unemployment, unemployed, jobless*, job losses, job cuts, layoff*, laid off, redundanc*, furlough*, hiring freeze, workforce, employer*, employment, labour market, labor market, labour shortage*, labor shortage*, workplace*, working conditions, working hours, four-day week, remote work*, work from home, gig economy, pension*, retirement age, retiree*, labour law*, labor law*, labour ministry, labor department, department of labor, overtime, sick leave, parental leave, maternity leave, teamsters, tuc, afl-cio, staff shortage*, job seekers, job centre*, welfare benefits, unemployment benefit*, payroll*, nonfarm payrolls, jobs report, on strike, general strike, strike action, went on strike, strike ballot, strikes, strike, workers rights, jobs market, job market',
        2: 'workers, worker, employee, employees, hiring, union, labour, labor, wages, wage, salaries, salary, jobs, job, staff, recruitment',
        1: 'hired, work, working, pay, contract, contracts, career, careers, employed, employs, shifts, negotiations, dispute, hours',
      },
      es: {
        3: 'huelga*, sindicato*, sindical*, trabajador*, empleo*, desempleo, paro, despido*, salario minimo, convenio colectivo, pension*, jubilacion*, reforma laboral, mercado laboral',
      },
      fr: {
        3: 'greve*, syndicat*, syndical*, salarie*, travailleur*, emploi*, chomage, licenciement*, smic, salaire minimum, convention collective, retraite*, reforme des retraites, marche du travail',
      },
      de: {
        3: 'streik*, gewerkschaft*, arbeitnehmer*, beschaftigt*, arbeitsplatz*, arbeitslos*, entlassung*, stellenabbau, mindestlohn*, tarif*, rente*, renten*, arbeitsmarkt*, verdi, ig metall',
      },
      pt: {
        3: 'greve*, sindicato*, sindica*, trabalhador*, emprego*, desemprego, demiss*, salario minimo, convencao coletiva, aposentadoria*, reforma*, reforma trabalhista, mercado de trabalho',
      },
      it: {
        3: 'sciopero*, scioperi, sindacat*, sindacal*, lavorator*, occupazion*, disoccupazion*, licenziament*, salario minimo, contratto collettivo, pension*, mercato del lavoro, cgil, cisl',
      },
    },
  },
  {
    code: 'medtop:10000000',
    label: 'lifestyle and leisure',
    terms: {
      en: {
        3: 'cake, cakes, oven, preheat*, tablespoon*, teaspoon*, tbsp, tsp, ingredient*, flour, dessert*, baked, recipe, serving, servings, simmer*, saute*, stir fry, noodle*, pasta, salad*, sauce*, dough, recipe*, cooking, cook, chef*, restaurant*, cuisine*, dish, dishes, meal*, baking, bake*, wine*, beer*, cocktail*, vegan*, vegetarian*, traveller*, traveler*, tourist*, vacation*, resort*, cruise*, sightseeing, backpack*, itinerar*, flight deals, fashion*, style tips, skincare, makeup, cosmetics, outfit*, wardrobe, home decor, interior design, diy, hobby, hobbies, leisure, lifestyle, gadget review*, relationship advice, parenting, wellness, yoga, meditation, camping, hiking, hiker*, outdoors, road trip*, weekend getaway*, board game*, puzzle*, crossword*, horoscope*, pet care, travel guide, travel tips, holiday destination, holidaymakers, holidaymaker, food and drink, street food, gardening, delicious',
        2: 'butter, sugar, chicken, garlic, onion*, lemon*, chocolate, cheese, cooked, food, foods, travel, traveling, travelling, holiday, holidays, hotel, hotels, beauty, garden, gardens, coffee, shopping, shoppers, dating, casino, casinos, gambling, beach, beaches, trip, trips, tips, menu, menus, kitchen, eat, eating, taste, tastes, flavour, flavours, flavor, flavors, cafe, cafes, restaurants',
        1: 'destination, destinations, style, wear, dressed, dresses, visitors, island, islands, drinks, drinking, fun, relax, relaxing, enjoy, guide',
      },
      es: {
        3: 'receta*, cocina*, restaurante*, gastronomia*, vino*, viaje*, turismo, turista*, vacaciones, hotel*, moda, belleza, jardin*, ocio, estilo de vida',
      },
      fr: {
        3: 'recette*, cuisine*, restaurant*, gastronom*, vin, vins, voyage*, tourisme, touriste*, vacances, hotel*, mode, beaute, jardin*, loisir*, art de vivre',
      },
      de: {
        3: 'rezept*, kochen, restaurant*, kuche, gastronom*, wein*, reise*, urlaub*, tourismus, tourist*, hotel*, mode, schonheit, garten*, freizeit*, lifestyle',
      },
      pt: {
        3: 'receita*, culinaria, restaurante*, gastronomia*, vinho*, viagem, viagens, turismo, turista*, ferias, hotel*, moda, beleza, jardim*, lazer, estilo de vida',
      },
      it: {
        3: 'ricetta*, ricette, cucina*, ristorant*, gastronomi*, vino, vini, viaggi*, turismo, turist*, vacanz*, hotel*, moda, bellezza, giardin*, tempo libero',
      },
    },
  },
  {
    code: 'medtop:11000000',
    label: 'politics and government',
    terms: {
      en: {
        3: 'politic*, election*, electoral*, elector*, re-election, reelection, vote*, voting, voter*, ballot*, polling station*, opinion poll*, referendum*, campaign trail, presidential race, presidential election, presidential candidate*, party leader*, political party, political parties, democrat*, republican*, conservative party, labour party, labor party, liberal democrat*, social democrat*, tories, tory, gop, parliament*, parliamentar*, congress*, senate*, senator*, congressman, congresswoman, congressional, house of representatives, house of commons, house of lords, bundestag, duma, knesset, national assembly, legislat*, lawmaker*, mp, mps, mep, meps, minister*, ministr*, cabinet, prime minister, presidential, presidency, vice president, mayor*, white house, downing street, kremlin, elysee, government*, governing, ruling party, legislation, policymaker*, constitution*, diplomat*, diplomacy, diplomatic*, foreign minister*, foreign ministry, foreign policy, foreign secretary, secretary of state, state department, ambassador*, embassy, embassies, envoy*, consulate*, bilateral, multilateral, treaty, treaties, sanction*, united nations, un security council, general assembly, nato, european union, eu, g7, g20, asean, african union, brexit, state visit, official visit, counterpart*, foreign affairs, international relations, relations between, ties between, bilateral ties, bilateral relations, ministry, ministries, election commission, approval rating*, taoiseach, head of state, heads of state, polls, caucus, caucuses, veto, vetoed, impeach, impeached, impeachment, incumbent, dictator, dictatorship, authoritarian, autocrat, autocratic, autocracy, separatist, separatists, independence referendum, state government, local government, civil service, civil servants, democracy, democratic, bills passed, passed a bill, executive order, signed into law, summit meeting, peace talks, human rights council, political',
        2: 'president, presidents, talks, bill, bills, policy, policies, reform, reforms, reformist, summit, summits, accord, accords, chancellor, premier, governor, governors, administration, regime, opposition, coalition, coalitions, candidate, candidates, nominee, nominees, rally, rallies, activist, activists, protesters, immigration, asylum, migrants, refugees, council, councils, councillor, councillors, federal, municipal, municipality, sovereign, sovereignty, greens, nationalist, nationalists, populist, populists, populism, territorial, territory, relations, ties, alliance, alliances, allies, ally, tensions, cooperation, agreement, agreements, negotiations, negotiate, negotiated, mandate, amendment, amendments, constituency, constituents, poll, polling, bureaucracy, bureaucrats, state-run, human rights, public sector',
        1: 'leader, leaders, leadership, spokesman, spokeswoman, spokesperson, official, officials, authorities, state, nation, national, nationwide, country, countries, public, law, laws, power, rule, ruling, speech, statement, announced, vowed, pledged, urged, criticised, criticized, debate, majority, minority, seats, district, province, provincial, region, regional, capital, citizens, rights, freedom, security, defence, defense, border, borders, dispute, disputes, deal, meeting, met, visit, visited, hosted, partner, partners, lobbying, lobbyist, lobbyists, think tank, primary, primaries',
      },
      es: {
        3: 'politic*, eleccion*, electoral*, elector*, voto*, votacion*, votant*, urnas, referendum, partido*, parlament*, congreso*, senado*, senador*, diputad*, legislat*, ministr*, presidente*, presidencia*, gobierno*, gobernador*, alcalde*, oposicion, coalicion*, candidat*, campana electoral, democraci*, diplomat*, canciller*, embajad*, bilateral*, cumbre*, tratado*, sanciones, relaciones, union europea, naciones unidas, otan',
        2: 'ley, leyes, reforma*, estado, nacional*, pais*, autoridades, oficial*, poder, mandato, acuerdo*, negociacion*, reunion*, visita*, ciudadan*',
      },
      fr: {
        3: 'politi*, election*, electoral*, electeur*, vote*, scrutin*, referendum, parti, partis, parlement*, assemblee nationale, senat*, senateur*, depute*, legislat*, ministre*, ministere*, president*, presidentiel*, gouvernement*, premier ministre, maire*, opposition, coalition*, candidat*, campagne electorale, democrat*, diplomat*, ambassad*, bilateral*, sommet*, traite*, sanctions, relations, union europeenne, nations unies, otan, elysee, matignon',
        2: 'loi, lois, reforme*, etat, national*, pays, autorites, officiel*, pouvoir, mandat, accord*, negociation*, reunion*, visite*, citoyen*',
      },
      de: {
        3: 'politi*, wahl, wahlen, wahlkampf*, wahler*, abstimmung*, stimme*, referendum, partei*, parlament*, bundestag*, bundesrat, landtag*, abgeordnet*, gesetzgeb*, minister*, ministerium*, prasident*, regierung*, kanzler*, bundeskanzler*, burgermeister*, opposition, koalition*, kandidat*, demokrat*, diplomat*, botschaft*, bilateral*, gipfel*, vertrag, vertrage, sanktion*, beziehungen, aussenminist*, europaische union, vereinte nationen, nato, cdu, csu, spd, fdp, afd, grunen',
        2: 'gesetz, gesetze, reform*, staat*, national*, land, lander, behorde*, offiziell*, macht, mandat*, abkommen, einigung, verhandlung*, treffen, besuch*, burger*',
      },
      pt: {
        3: 'politic*, eleicao, eleicoes, eleitor*, eleitora*, voto*, votacao*, urnas, referendo, partido*, parlament*, congresso*, senado*, senador*, deputad*, legislat*, ministr*, presidente*, presidencia*, governo*, governador*, prefeito*, oposicao, coligacao*, coalizao, candidat*, campanha eleitoral, democraci*, diplomat*, chanceler*, embaixad*, bilatera*, cimeira*, cupula*, tratado*, sancoes, relacoes, uniao europeia, nacoes unidas, otan, planalto',
        2: 'lei, leis, reforma*, estado, nacional*, pais, paises, autoridades, oficial*, poder, mandato, acordo*, negociac*, reuniao*, visita*, cidada*',
      },
      it: {
        3: 'politic*, elezion*, elettoral*, elettor*, voto, voti, votazion*, urne, referendum, partito*, partiti, parlament*, camera dei deputati, senato*, senator*, deputat*, legislat*, ministr*, president*, governo*, governator*, sindaco*, sindaci, opposizione, coalizione*, candidat*, campagna elettorale, democrazi*, diplomat*, ambasciat*, bilateral*, vertice*, trattato*, sanzioni, relazioni, unione europea, nazioni unite, nato, palazzo chigi, quirinale',
        2: 'legge, leggi, riforma*, stato, nazional*, paese, paesi, autorita, ufficial*, potere, mandato, accordo*, negoziat*, incontro*, visita*, cittadin*',
      },
    },
  },
  {
    code: 'medtop:12000000',
    label: 'religion',
    terms: {
      en: {
        3: 'religion*, religious, church*, churches, cathedral*, mosque*, synagogue*, temple*, pope, papal, vatican, bishop*, archbishop*, priest*, clergy, pastor*, imam*, rabbi*, nun, nuns, christian*, catholic*, protestant*, evangelical*, orthodox church, anglican*, methodist*, baptist*, muslim*, islam*, islamic, sunni*, shia*, shiite*, jewish, judaism, jews, hindu*, buddhis*, buddha, sikh*, atheis*, bible, biblical, koran, quran, torah, gospel*, prayer*, pray*, praying, worship*, congregation*, parish*, diocese*, pilgrim*, pilgrimage*, hajj, ramadan, eid, passover, hanukkah, diwali, sermon*, theolog*, blasphemy, heresy, cult, cults, missionar*, jesus, christ, prophet*, muhammad, allah, monk, monks, sect, sects, sectarian, faith leaders, religious leaders, holy see, interfaith',
        2: 'christmas, easter, cardinal, cardinals, holy, god, gods, faith, faiths, faithful, sacred, spiritual, spirituality, believers, divine, heaven, ritual, rituals, conversion',
        1: 'saint, belief, beliefs, moral, morality, ethics, soul, souls, ceremony',
      },
      es: {
        3: 'religion*, religios*, iglesia*, catedral*, mezquita*, sinagoga*, papa francisco, papa leon, el papa, vaticano, obispo*, arzobispo*, cardenal*, sacerdote*, cura, curas, catolic*, cristian*, musulman*, islam*, judio*, fe, oracion*, semana santa, navidad',
      },
      fr: {
        3: 'religion*, religieu*, eglise*, cathedrale*, mosquee*, synagogue*, le pape, vatican, eveque*, archeveque*, cardinal, pretre*, catholique*, chretien*, musulman*, islam*, juif*, juive*, foi, priere*, paques, noel',
      },
      de: {
        3: 'religion*, religios*, kirche*, dom, moschee*, synagoge*, papst*, vatikan, bischof*, erzbischof*, kardinal*, priester*, pfarrer*, katholi*, evangelisch*, christ*, muslim*, islam*, jude*, judisch*, glaube*, gebet*, gottesdienst*, ostern, weihnacht*',
      },
      pt: {
        3: 'religiao, religioes, religios*, igreja*, catedral*, mesquita*, sinagoga*, o papa, vaticano, bispo*, arcebispo*, cardeal*, padre*, sacerdote*, catolic*, cristao*, cristaos, evangelic*, muculman*, islam*, judeu*, judaica*, fe, oracao*, pascoa, natal',
      },
      it: {
        3: 'religion*, religios*, chiesa, chiese, cattedral*, moschea*, sinagoga*, il papa, papa francesco, papa leone, vaticano, vescov*, arcivescov*, cardinal*, sacerdot*, prete*, cattolic*, cristian*, musulman*, islam*, ebre*, fede, preghiera*, pasqua, natale',
      },
    },
  },
  {
    code: 'medtop:13000000',
    label: 'science and technology',
    terms: {
      en: {
        3: 'scientist*, scientific*, science*, study published, published in the journal, peer-reviewed, journal nature, journal science, physics, physicist*, chemistry, chemist*, biolog*, astronom*, astrophysic*, nasa, esa, spacex, space agency, spacecraft, satellite*, rocket*, launch pad, orbit*, telescope*, exoplanet*, asteroid*, comet*, galax*, black hole*, moon landing, lunar, space station, astronaut*, cosmonaut*, genetic*, genome*, dna, rna, gene, genes, crispr, fossil*, dinosaur*, archaeolog*, paleontolog*, quantum, neuroscien*, mathematic*, algorithm*, artificial intelligence, ai, machine learning, deep learning, neural network*, large language model*, llm, llms, chatbot*, chatgpt, openai, robot*, robotic*, technology, technologies, technological, tech, software, hardware, computer*, computing, semiconductor*, chipmaker*, microchip*, processor*, smartphone*, iphone*, android, internet, broadband, 5g, telecom*, cyber*, cybersecurity, data breach*, encryption, blockchain, cloud computing, data center*, data centre*, prototype*, 3d print*, virtual reality, augmented reality, silicon valley, programming, programmer, programmers, source code, open source, machine-learning, generative ai, space exploration, space mission, mars rover, tech companies, tech company, tech firm, tech firms',
        2: 'research, researcher, researchers, app, apps, web, digital, device, devices, gadget, gadgets, social media, google, microsoft, facebook, nvidia, intel, chip, chips, battery, batteries, drone, drones, engineer, engineers, engineering, hacked, hacking, hackers, mars, planet, planets, species, evolution, experiment, experiments, laboratory, laboratories, innovation, invention, inventor, inventors, invented, automation, particle, particles, discovery, discovered, findings, data, sensor, sensors, space, electric cars',
        1: 'online, website, websites, platform, platforms, users, user, startup, startups, tesla, apple, amazon, study, studies, analysis, model, models, theory, test, tests, developed, developers, tool, tools, system, systems, network, networks, code, update, updates, version, feature, features, launch, launched, earth, energy, camera, cameras',
      },
      es: {
        3: 'cientific*, ciencia*, investigador*, investigacion cientifica, laboratorio*, experimento*, fisica, quimica, biologia, astronom*, nasa, satelite*, cohete*, planeta*, genetic*, adn, inteligencia artificial, tecnologia*, tecnologic*, software, ordenador*, computador*, internet, ciberseguridad, robot*, movil*, telefonia, digital*',
      },
      fr: {
        3: 'scientifique*, science*, chercheur*, recherche scientifique, laboratoire*, experience*, physique, chimie, biologie, astronom*, nasa, satellite*, fusee*, planete*, genetique*, adn, intelligence artificielle, technologie*, technologique*, logiciel*, ordinateur*, internet, cybersecurite, robot*, numerique*, smartphone*',
      },
      de: {
        3: 'wissenschaft*, forscher*, forschung*, labor*, experiment*, physik*, chemie*, biologie*, astronom*, nasa, satellit*, rakete*, planet*, genetik*, dna, kunstliche intelligenz, ki, technologie*, technik*, software, computer*, internet, cyber*, roboter*, digital*, smartphone*, handy*',
      },
      pt: {
        3: 'cientific*, ciencia*, pesquisador*, investigador*, pesquisa cientifica, laboratorio*, experimento*, fisica, quimica, biologia, astronom*, nasa, satelite*, foguete*, planeta*, genetic*, dna, inteligencia artificial, tecnologia*, tecnologic*, software, computador*, internet, ciberseguranca, robo*, celular*, digital*',
      },
      it: {
        3: 'scientific*, scienza*, scienze, ricercator*, ricerca scientifica, laborator*, esperiment*, fisica, chimica, biologia, astronom*, nasa, satellit*, razzo*, pianeta*, pianeti, genetic*, dna, intelligenza artificiale, tecnologi*, tecnologic*, software, computer, internet, cybersicurezza, robot*, smartphone*, digital*',
      },
    },
  },
  {
    code: 'medtop:14000000',
    label: 'society',
    terms: {
      en: {
        3: 'social issue*, social welfare, poverty, homeless*, homelessness, inequality, inequalit*, discriminat*, racism, racist*, sexism, gender equality, gender pay gap, feminis*, women s rights, lgbt*, lgbtq*, same-sex, gay, lesbian*, transgender*, gay marriage, civil rights, human rights, indigenous, migration, inclusion, charity, charities, philanthrop*, nonprofit*, non-profit*, ngo, ngos, social security, food bank*, affordable housing, housing crisis, demographic*, birth rate*, ageing population, aging population, pensioner*, family planning, child care, childcare, child poverty, domestic violence, social worker*, social services, disabled people, disability rights, millennials, gen z, neighbourhood*, neighborhood*, slum*, social inequality, racial justice, racial discrimination, social exclusion, civil society',
        2: 'welfare, refugees, refugee, immigrants, immigrant, population, elderly, volunteers, volunteer, volunteering, ethnic, ethnicity, minority, minorities, diversity, society, social, racial, equality, displaced',
        1: 'community, communities, youth, generation, generations, integration, families, family, children, women, citizens, residents, rights, activism, activists, movement, culture, values, class, wealth, rich, poor, income, housing, rent, neighbourhood, neighborhood',
      },
      es: {
        3: 'sociedad, social*, pobreza, desigualdad*, discriminacion, racismo, igualdad de genero, feminis*, lgbt*, derechos humanos, inmigrante*, migracion, migrante*, refugiado*, ong, caridad, vivienda, personas mayores, violencia de genero, poblacion',
      },
      fr: {
        3: 'societe, social*, pauvrete, inegalite*, discrimination*, racisme, egalite femmes-hommes, feminis*, lgbt*, droits de l homme, immigre*, immigration, migrant*, refugie*, ong, association*, logement*, personnes agees, violences conjugales, population',
      },
      de: {
        3: 'gesellschaft*, sozial*, armut, ungleichheit, diskriminierung, rassismus, gleichberechtigung, feminis*, lgbt*, menschenrechte*, einwander*, migration, migrant*, fluchtling*, gefluchtete*, ngo, wohltatig*, wohnung*, senioren, hausliche gewalt, bevolkerung*',
      },
      pt: {
        3: 'sociedade, socia*, pobreza, desigualdade*, discriminacao, racismo, igualdade de genero, feminis*, lgbt*, direitos humanos, imigrante*, migracao, migrante*, refugiado*, ong, caridade, moradia, habitacao, idosos, violencia domestica, populacao',
      },
      it: {
        3: 'societa, social*, poverta, disuguaglianz*, discriminazion*, razzismo, parita di genere, femminis*, lgbt*, diritti umani, immigrat*, migrazion*, migrant*, rifugiat*, ong, beneficenza, volontari*, casa, anziani, violenza domestica, popolazione',
      },
    },
  },
  {
    code: 'medtop:15000000',
    label: 'sport',
    terms: {
      en: {
        3: 'sport, sports, sporting, football*, soccer, premier league, champions league, europa league, la liga, serie a, bundesliga, ligue 1, mls, fifa, uefa, world cup, euro 2024, euro 2028, copa america, basketball, nba, wnba, baseball, mlb, american football, nfl, super bowl, quarterback*, touchdown*, hockey, nhl, ice hockey, tennis, wimbledon, french open, australian open, grand slam, atp, wta, golf*, pga, masters tournament, ryder cup, cricket*, ipl, test match, odi, t20, rugby, six nations, formula one, formula 1, f1, grand prix, motogp, nascar, cycling, tour de france, marathon*, sprinter*, olympic*, olympian*, paralympic*, ioc, boxing, boxer*, ufc, mma, wrestling, wrestler*, swimming, swimmer*, gymnast*, skiing, skier*, snowboard*, volleyball, handball, badminton, table tennis, esports, tournament*, championship*, cup final, semi-final*, semifinal*, quarter-final*, quarterfinal*, final whistle, kick-off, kickoff, halftime, half-time, goalkeeper*, striker*, midfielder*, defender*, winger*, head coach, teammate*, squad*, stadium*, playoff*, play-off*, medal*, gold medal, silver medal, bronze medal, podium, athlete*, transfer window, referee*, red card, yellow card, penalty kick, penalty shootout, free kick, hat-trick, hat trick, innings, wicket*, batsman, batter*, pitcher*, home run*, inning*, slam dunk, rebounds, assists, pole position, personal best, us open tennis, world champion, world champions, world championship, world championships, scored, scoring, goalscorer, goalscorers, own goal, trophy, trophies, athletics, athletic club, fixture, fixtures, match, matches, qualifiers, relegation, promoted to the premier league, first-half, second-half, extra time, racing driver, racecourse, sprinter, sprinters',
        2: 'goal, goals, coach, coaches, coached, player, players, team, teams, teammate, club, clubs, season, race, races, racing, racer, racers, champion, champions, league, leagues, lap, laps, var, signing, derby, sprint, qualifying, game, games, ball, streak, first half, second half, score, scores, semi',
        1: 'manager, managers, win, won, wins, victory, defeat, defeated, beat, draw, drew, points, title, fans, supporters, play, played, playing, pitch, injury, injured, fitness, training, ranking, rankings, ranked, seeded, opponent, opponents, rival, rivals, overtime',
      },
      es: {
        3: 'futbol*, deporte*, deportiv*, liga, laliga, champions, mundial, partido*, gol, goles, goleador*, entrenador*, jugador*, equipo*, club, estadio*, temporada, campeon*, campeonato*, torneo*, tenis, baloncesto, nba, ciclismo, olimpic*, atleta*, medalla*, formula 1, real madrid, barcelona, atletico',
      },
      fr: {
        3: 'football*, sport*, sportif*, ligue 1, ligue des champions, coupe du monde, match, matchs, but, buts, buteur*, entraineur*, joueur*, equipe*, club*, stade*, saison, champion*, championnat*, tournoi*, tennis, roland-garros, basket*, rugby, cyclisme, tour de france, olympique*, athlete*, medaille*, formule 1',
      },
      de: {
        3: 'fussball*, sport*, bundesliga, champions league, weltmeister*, spiel, spiele, tor, tore, torschutz*, trainer*, spieler*, mannschaft*, verein*, stadion*, saison, meister*, meisterschaft*, turnier*, tennis, basketball, handball, radsport, olympi*, athlet*, medaille*, formel 1, bayern, dortmund',
      },
      pt: {
        3: 'futebol*, esporte*, desporto*, desportiv*, esportiv*, campeonato*, brasileirao, libertadores, copa do mundo, partida*, jogo, jogos, gol, gols, golo*, treinador*, tecnico, jogador*, equipe*, time, clube*, estadio*, temporada, campeao*, torneio*, tenis, basquete, ciclismo, olimpic*, atleta*, medalha*, formula 1, flamengo, corinthians, palmeiras, benfica, porto, sporting',
      },
      it: {
        3: 'calcio, sport*, sportiv*, serie a, champions league, mondiali, partita*, partite, gol, marcator*, allenator*, giocator*, squadra*, squadre, club, stadio*, stagione, campion*, campionato*, torneo*, tennis, basket, pallavolo, ciclismo, giro d italia, olimpi*, atleta*, atleti, medaglia*, formula 1, juventus, inter, milan, napoli, roma',
      },
    },
  },
  {
    code: 'medtop:16000000',
    label: 'conflict, war and peace',
    terms: {
      en: {
        3: 'war, wars, warfare, wartime, armed conflict*, civil war, military, militar*, army, armies, troops, soldier*, armed forces, air force, navy, naval, marines, battalion*, brigade*, regiment*, general staff, ministry of defence, defence minister, defense secretary, airstrike*, air strike*, air raid*, bombing*, bombard*, shelling, shelled, artillery, missile*, rocket attack*, drone strike*, drone attack*, ballistic missile*, nuclear weapon*, arms deal*, arms race, ammunition, fighter jet*, warplane*, warship*, aircraft carrier*, submarine*, invasion, invade*, annex*, counteroffensive, counter-offensive, frontline*, front line*, battlefield*, combat*, fighting, clashes, clashed, insurgen*, militia*, militant*, guerrilla*, jihadist*, terroris*, terror attack*, suicide bomb*, bomber*, hamas, hezbollah, taliban, isis, islamic state, al-qaeda, al qaeda, boko haram, ceasefire*, cease-fire*, truce*, armistice, peace talks, peace deal, peace process, peace agreement, peacekeep*, hostage*, prisoners of war, war crime*, genocide*, massacre*, ethnic cleansing, casualties, killed in, civilians killed, civilian casualties, uprising*, insurrection*, riot*, unrest, martial law, siege*, blockade*, ambush*, gunfire, explosives, landmine*, grenade*, sniper*, mobilis*, mobiliz*, conscript*, hostilit*, aggression, security forces, paramilitar*, nato troops, air defence*, air defense*, tear gas, rubber bullets, riot police, coup, coups, coup attempt, military coup, rebels, rebel, rebel group, bomb, bombs, battlefield, battlefields, war-torn, armed groups, armed group',
        2: 'weapons, weapon, arms, tank, tanks, occupation, occupied, offensive, battle, battles, crackdown, deployed, deployment, deployments, escalation, escalate, escalated, retaliation, retaliate, retaliated, protest, protests, protesters, protestors, demonstration, demonstrations, demonstrators, attack, attacks, attacked, strikes, killed, wounded, fighters, forces, enemy, violence, conflict, conflicts, commander, commanders, pentagon, peace, explosion, explosions',
        1: 'defence, defense, dead, killing, killings, threat, threats, threatened, violent, tension, tensions, security, border, regime, shot, fire, displaced, humanitarian, nuclear, fight, fought, defend, seized, captured',
      },
      es: {
        3: 'guerra*, militar*, ejercito*, tropas, soldado*, fuerzas armadas, bombarde*, misil*, ataque*, invasion, ofensiva*, combate*, enfrentamiento*, rebeld*, milicia*, terroris*, atentado*, alto el fuego, tregua, acuerdo de paz, conversaciones de paz, rehen*, genocidio, masacre*, golpe de estado, disturbio*, protesta*, manifestacion*, manifestante*',
      },
      fr: {
        3: 'guerre*, militaire*, armee*, troupes, soldat*, forces armees, bombard*, frappe*, missile*, attaque*, invasion, offensive*, combat*, affrontement*, rebelle*, milice*, terroris*, attentat*, cessez-le-feu, treve, accord de paix, negociations de paix, otage*, genocide, massacre*, coup d etat, emeute*, manifestation*, manifestant*',
      },
      de: {
        3: 'krieg*, militar*, armee*, truppe*, soldat*, streitkraft*, bundeswehr, luftangriff*, bombard*, rakete*, angriff*, invasion, offensive*, kampf, kampfe, gefecht*, rebell*, miliz*, terror*, anschlag*, waffenruhe, waffenstillstand, friedensgesprach*, friedensabkommen, geisel*, volkermord, massaker, putsch*, unruhen, protest*, demonstr*',
      },
      pt: {
        3: 'guerra*, militar*, exercito*, tropas, soldado*, forcas armadas, bombarde*, missil, misseis, ataque*, invasao, ofensiva*, combate*, confronto*, rebelde*, milicia*, terroris*, atentado*, cessar-fogo, tregua, acordo de paz, negociacoes de paz, refem, refens, genocidio, massacre*, golpe de estado, protesto*, manifestac*, manifestante*',
      },
      it: {
        3: 'guerra*, militar*, esercito*, truppe, soldat*, forze armate, bombardament*, missil*, attacco*, attacchi, invasione, offensiva*, combattiment*, scontri, ribell*, milizi*, terroris*, attentat*, cessate il fuoco, tregua, accordo di pace, negoziati di pace, ostagg*, genocidio, massacro*, colpo di stato, rivolta*, protesta*, manifestazion*, manifestant*',
      },
    },
  },
  {
    code: 'medtop:17000000',
    label: 'weather',
    terms: {
      en: {
        3: 'weather, meteorolog*, met office, national weather service, weather service, rainfall, snowfall, sleet, frost*, fog, thunderstorm*, thunder, lightning, heatwave*, heat wave*, cold snap, cold front, warm front, degrees celsius, degrees fahrenheit, celsius, fahrenheit, humidity, sunny, sunshine, cloudy, showers, drizzle, downpour*, blizzard*, hottest, coldest, warmest, wettest, driest, record high*, record low*, weather warning*, amber warning, red warning, yellow warning, monsoon*, el nino, la nina, wind, winds, windy, hail, hailstorm, hailstones, gale, gales, gust, gusts, gusty, rain, rains, rainy, raining, snow, snowing, snowstorm, storm, storms, stormy, weather forecast, forecaster, forecasters, meteorologist, meteorologists, weather warning',
        2: 'cloud, clouds, icy, forecast, forecasts, temperature, temperatures, heat, freezing, drought, hurricane, hurricanes, typhoon, typhoons, cyclone, cyclones, tornado, tornadoes, skies, mild, chilly, breezy',
        1: 'ice, cold, warm, hot, dry, wet, sky, conditions, winter, summer, spring, autumn',
      },
      es: {
        3: 'tiempo, meteorolog*, aemet, pronostico*, lluvia*, nieve*, nevada*, granizo, helada*, niebla, tormenta*, viento*, ola de calor, ola de frio, temperatura*, grados, calor, frio, alerta naranja, alerta roja, borrasca*, dana, huracan*',
      },
      fr: {
        3: 'meteo*, meteorolog*, prevision*, pluie*, neige*, grele, gel, gelee*, brouillard, orage*, vent*, canicule*, vague de froid, temperature*, degres, chaleur, froid, vigilance orange, vigilance rouge, tempete*, ouragan*',
      },
      de: {
        3: 'wetter*, meteorolog*, dwd, wettervorhersage*, prognose*, regen*, schnee*, hagel, frost*, nebel, gewitter*, wind*, sturm*, hitzewelle*, kaltewelle, temperatur*, grad, hitze, kalte, unwetterwarnung*, orkan*',
      },
      pt: {
        3: 'tempo, meteorolog*, previsao do tempo, chuva*, neve, granizo, geada*, nevoeiro, tempestade*, vento*, onda de calor, frente fria, temperatura*, graus, calor, frio, alerta laranja, alerta vermelho, furacao*, ciclone*',
      },
      it: {
        3: 'meteo*, meteorolog*, previsioni, pioggia*, piogge, neve, nevicat*, grandine, gelo*, nebbia, temporal*, vento*, venti, ondata di calore, ondata di freddo, temperatur*, gradi, caldo, freddo, allerta arancione, allerta rossa, maltempo, uragano*, ciclone*',
      },
    },
  },
];

/**
 * Phrases whose words mislead on their own: they are consumed with the weight given here, so their
 * words never score. History ("World War II"), metaphors ("war of words", "race to the bottom") and
 * sport venues ("tennis court") are the usual culprits.
 */
export const OVERRIDES: Record<Lang, Record<string, Record<string, number>>> = {
  en: {
    'world war': { 'medtop:16000000': 0.5 },
    'world war i': { 'medtop:16000000': 0.5 },
    'world war ii': { 'medtop:16000000': 0.5 },
    'world war two': { 'medtop:16000000': 0.5 },
    'second world war': { 'medtop:16000000': 0.5 },
    'first world war': { 'medtop:16000000': 0.5 },
    'cold war': { 'medtop:16000000': 0.5, 'medtop:11000000': 1 },
    'war of words': { 'medtop:11000000': 1 },
    'price war': { 'medtop:04000000': 3 },
    'trade war': { 'medtop:04000000': 3, 'medtop:11000000': 1 },
    'culture war': { 'medtop:14000000': 2, 'medtop:11000000': 1 },
    'culture wars': { 'medtop:14000000': 2, 'medtop:11000000': 1 },
    'war on drugs': { 'medtop:02000000': 3 },
    'drug war': { 'medtop:02000000': 3 },
    'star wars': { 'medtop:01000000': 3 },
    'war chest': { 'medtop:11000000': 1 },
    'talent war': { 'medtop:09000000': 1 },
    'race to the bottom': {},
    'arms race': { 'medtop:16000000': 2, 'medtop:11000000': 1 },
    'human race': {},
    'the race for': { 'medtop:11000000': 0.5 },
    'presidential race': { 'medtop:11000000': 3 },
    'senate race': { 'medtop:11000000': 3 },
    'leadership race': { 'medtop:11000000': 3 },
    'mayoral race': { 'medtop:11000000': 3 },
    'horse race': { 'medtop:15000000': 3 },
    'horse racing': { 'medtop:15000000': 3 },
    'tennis court': { 'medtop:15000000': 3 },
    'basketball court': { 'medtop:15000000': 3 },
    'food court': { 'medtop:10000000': 1 },
    'court of arbitration for sport': { 'medtop:15000000': 3, 'medtop:02000000': 1 },
    'supreme court': { 'medtop:02000000': 3, 'medtop:11000000': 1 },
    'constitutional court': { 'medtop:02000000': 3, 'medtop:11000000': 1 },
    'international court of justice': { 'medtop:02000000': 2, 'medtop:11000000': 2 },
    'international criminal court': { 'medtop:02000000': 3, 'medtop:16000000': 1 },
    'penalty kick': { 'medtop:15000000': 3 },
    'penalty shootout': { 'medtop:15000000': 3 },
    'penalty area': { 'medtop:15000000': 3 },
    'death penalty': { 'medtop:02000000': 3 },
    'foreign minister': { 'medtop:11000000': 3 },
    'foreign ministers': { 'medtop:11000000': 3 },
    'prime minister': { 'medtop:11000000': 3 },
    'defence minister': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'defense minister': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'health minister': { 'medtop:07000000': 3, 'medtop:11000000': 2 },
    'health secretary': { 'medtop:07000000': 3, 'medtop:11000000': 2 },
    'finance minister': { 'medtop:04000000': 3, 'medtop:11000000': 2 },
    'economy minister': { 'medtop:04000000': 3, 'medtop:11000000': 2 },
    'education minister': { 'medtop:05000000': 3, 'medtop:11000000': 2 },
    'education secretary': { 'medtop:05000000': 3, 'medtop:11000000': 2 },
    'environment minister': { 'medtop:06000000': 3, 'medtop:11000000': 2 },
    'sports minister': { 'medtop:15000000': 2, 'medtop:11000000': 2 },
    'interior minister': { 'medtop:11000000': 3, 'medtop:02000000': 1 },
    'justice minister': { 'medtop:11000000': 3, 'medtop:02000000': 2 },
    'attorney general': { 'medtop:02000000': 3, 'medtop:11000000': 1 },
    'world record': { 'medtop:15000000': 1, 'medtop:08000000': 1 },
    'election campaign': { 'medtop:11000000': 3 },
    'shot dead': { 'medtop:02000000': 2, 'medtop:16000000': 1 },
    'opening shot': {},
    'big shot': {},
    'shot at': {},
    'give it a shot': {},
    'fire brigade': { 'medtop:03000000': 3 },
    'ceasefire talks': { 'medtop:16000000': 3, 'medtop:11000000': 2 },
    'under fire': {},
    'came under fire': {},
    'fired up': {},
    'fire sale': { 'medtop:04000000': 2 },
    'open fire': { 'medtop:16000000': 2, 'medtop:02000000': 2 },
    'opened fire': { 'medtop:16000000': 2, 'medtop:02000000': 2 },
    'state of the art': {},
    'state of emergency': { 'medtop:03000000': 3 },
    'united states': {},
    'the states': {},
    'head coach': { 'medtop:15000000': 3 },
    'coach trip': { 'medtop:10000000': 2 },
    'record label': { 'medtop:01000000': 3 },
    'on record': {},
    'off the record': {},
    'a record': {},
    'personal best': { 'medtop:15000000': 3 },
    'the goal': {},
    'goal of': {},
    'goals of': {},
    'our goal': {},
    'climate goals': { 'medtop:06000000': 3 },
    'development goals': { 'medtop:14000000': 1 },
    'the match': { 'medtop:15000000': 1 },
    'match the': {},
    'play a role': {},
    'plays a role': {},
    'played a role': {},
    'role in': {},
    'in season': {},
    'holiday season': { 'medtop:10000000': 2 },
    'fashion week': { 'medtop:10000000': 3, 'medtop:01000000': 2 },
    'heat pump': { 'medtop:06000000': 2, 'medtop:13000000': 1 },
    'heat pumps': { 'medtop:06000000': 2, 'medtop:13000000': 1 },
    'ice cream': { 'medtop:10000000': 2 },
    'chip in': {},
    'app store': { 'medtop:13000000': 3 },
    'apple s': { 'medtop:13000000': 1, 'medtop:04000000': 1 },
    'new york times': {},
    'financial times': {},
    'wall street journal': { 'medtop:04000000': 0.5 },
    'the times': {},
    'press tv': {},
    'press release': {},
    'league of nations': { 'medtop:11000000': 2 },
    'league of legends': { 'medtop:13000000': 1, 'medtop:15000000': 2 },
    'health and safety': { 'medtop:09000000': 1 },
    'national security': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'security council': { 'medtop:11000000': 3 },
    'nuclear power': { 'medtop:04000000': 2, 'medtop:06000000': 1 },
    'nuclear energy': { 'medtop:04000000': 2, 'medtop:06000000': 1 },
    'nuclear programme': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'nuclear program': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'nuclear programs': { 'medtop:11000000': 2, 'medtop:16000000': 2 },
    'nuclear deal': { 'medtop:11000000': 3, 'medtop:16000000': 1 },
    'cyber attack': { 'medtop:13000000': 2, 'medtop:02000000': 2 },
    'heart attack': { 'medtop:07000000': 3 },
    'panic attack': { 'medtop:07000000': 2 },
    'shark attack': { 'medtop:03000000': 2, 'medtop:08000000': 1 },
    'dog attack': { 'medtop:02000000': 1, 'medtop:08000000': 1 },
    'on strike': { 'medtop:09000000': 3 },
    'general strike': { 'medtop:09000000': 3 },
    'lucky strike': {},
    'strike a deal': {},
    'strike a balance': {},
    'struck a deal': {},
    'hunger strike': { 'medtop:02000000': 1, 'medtop:11000000': 1 },
    'air strike': { 'medtop:16000000': 3 },
    'air strikes': { 'medtop:16000000': 3 },
    'drone strike': { 'medtop:16000000': 3 },
    'drone strikes': { 'medtop:16000000': 3 },
    'missile strike': { 'medtop:16000000': 3 },
    'missile strikes': { 'medtop:16000000': 3 },
    'protest vote': { 'medtop:11000000': 2 },
    'prison break': { 'medtop:02000000': 2 },
    'climate of': {},
    'political climate': { 'medtop:11000000': 2 },
    'business climate': { 'medtop:04000000': 2 },
    'investment climate': { 'medtop:04000000': 2 },
    'storm of criticism': {},
    'perfect storm': {},
    brainstorm: {},
    'took the stage': {},
    'world stage': { 'medtop:11000000': 1 },
    'early stage': {},
    'final stage': {},
    'in the wake of': {},
    'wind down': {},
    'windfall tax': { 'medtop:04000000': 3 },
    'cloud computing': { 'medtop:13000000': 3 },
    'cloud service': { 'medtop:13000000': 3 },
    'cloud services': { 'medtop:13000000': 3 },
    'snow white': { 'medtop:01000000': 2 },
  },
  es: {
    'segunda guerra mundial': { 'medtop:16000000': 0.5 },
    'primera guerra mundial': { 'medtop:16000000': 0.5 },
    'guerra fria': { 'medtop:16000000': 0.5 },
    'guerra comercial': { 'medtop:04000000': 3 },
    'estados unidos': {},
    'partido de futbol': { 'medtop:15000000': 3 },
    'partido popular': { 'medtop:11000000': 3 },
    'partido socialista': { 'medtop:11000000': 3 },
    'ministro de exteriores': { 'medtop:11000000': 3 },
    'ministro de asuntos exteriores': { 'medtop:11000000': 3 },
    'tribunal supremo': { 'medtop:02000000': 3 },
  },
  fr: {
    'seconde guerre mondiale': { 'medtop:16000000': 0.5 },
    'deuxieme guerre mondiale': { 'medtop:16000000': 0.5 },
    'premiere guerre mondiale': { 'medtop:16000000': 0.5 },
    'guerre froide': { 'medtop:16000000': 0.5 },
    'guerre commerciale': { 'medtop:04000000': 3 },
    'etats-unis': {},
    'ministre des affaires etrangeres': { 'medtop:11000000': 3 },
    'temps de': {},
  },
  de: {
    'zweiten weltkrieg': { 'medtop:16000000': 0.5 },
    'zweiter weltkrieg': { 'medtop:16000000': 0.5 },
    'ersten weltkrieg': { 'medtop:16000000': 0.5 },
    'kalten krieg': { 'medtop:16000000': 0.5 },
    'kalter krieg': { 'medtop:16000000': 0.5 },
    handelskrieg: { 'medtop:04000000': 3 },
  },
  pt: {
    'segunda guerra mundial': { 'medtop:16000000': 0.5 },
    'primeira guerra mundial': { 'medtop:16000000': 0.5 },
    'guerra fria': { 'medtop:16000000': 0.5 },
    'guerra comercial': { 'medtop:04000000': 3 },
    'estados unidos': {},
    'ao tempo': {},
    'ministro das relacoes exteriores': { 'medtop:11000000': 3 },
    'ministro dos negocios estrangeiros': { 'medtop:11000000': 3 },
    'supremo tribunal': { 'medtop:02000000': 3 },
  },
  it: {
    'seconda guerra mondiale': { 'medtop:16000000': 0.5 },
    'prima guerra mondiale': { 'medtop:16000000': 0.5 },
    'guerra fredda': { 'medtop:16000000': 0.5 },
    'guerra commerciale': { 'medtop:04000000': 3 },
    'stati uniti': {},
    'ministro degli esteri': { 'medtop:11000000': 3 },
    'corte costituzionale': { 'medtop:02000000': 3 },
    'nel tempo': {},
  },
};

/**
 * Second-level topics, scored like the top level but reported only under their parent when that
 * parent is the article's first topic. Only subtopics with vocabulary distinctive enough to be
 * told from their siblings are listed.
 */
export const SUBTOPICS: SubtopicDef[] = [
  {
    code: 'medtop:20000638',
    label: 'international relations',
    parent: 'medtop:11000000',
    terms: {
      en: {
        3: 'diplomat*, diplomacy, diplomatic*, foreign minister*, foreign ministry, foreign policy, foreign secretary, foreign affairs, secretary of state, state department, ambassador*, embassy, embassies, envoy*, consulate*, bilateral, multilateral, summit*, treaty, treaties, sanction*, united nations, security council, general assembly, nato, g7, g20, asean, african union, state visit, official visit, counterpart*, international relations, bilateral ties, bilateral relations, relations between, ties between, foreign aid, international organisation*, international organization*, peace talks, normalis*, normaliz*, rapprochement, detente, territorial dispute*, sovereignty, head of state, heads of state, joint statement, memorandum of understanding',
        2: 'relations, ties, talks, visit*, negotiat*, agreement*, accord*, alliance*, allies, ally, cooperation, partner*, tensions, dispute*, border*, international, global, region*, regional, neighbo*',
      },
      es: {
        3: 'diplomat*, canciller*, ministro de exteriores, embajad*, bilateral*, cumbre*, tratado*, sanciones, relaciones bilaterales, naciones unidas, otan, visita oficial, homologo*',
        2: 'relaciones, acuerdo*, negociacion*, cooperacion, aliado*, tensiones',
      },
      fr: {
        3: 'diplomat*, ministre des affaires etrangeres, ambassad*, bilateral*, sommet*, traite*, sanctions, relations bilaterales, nations unies, otan, visite officielle, homologue*',
        2: 'relations, accord*, negociation*, cooperation, allie*, tensions',
      },
      de: {
        3: 'diplomat*, aussenminist*, botschaft*, bilateral*, gipfel*, vertrag, sanktion*, vereinte nationen, nato, staatsbesuch*, amtskolleg*',
        2: 'beziehungen, abkommen, verhandlung*, zusammenarbeit, verbundet*, spannungen',
      },
      pt: {
        3: 'diplomat*, chanceler*, itamaraty, embaixad*, bilatera*, cimeira*, cupula*, tratado*, sancoes, relacoes bilaterais, nacoes unidas, otan, visita oficial, homolog*',
        2: 'relacoes, acordo*, negociac*, cooperacao, aliado*, tensoes',
      },
      it: {
        3: 'diplomat*, ministro degli esteri, farnesina, ambasciat*, bilateral*, vertice*, trattato*, sanzioni, relazioni bilaterali, nazioni unite, nato, visita ufficiale, omolog*',
        2: 'relazioni, accordo*, negoziat*, cooperazione, allea*, tensioni',
      },
    },
  },
  {
    code: 'medtop:20000574',
    label: 'election',
    parent: 'medtop:11000000',
    terms: {
      en: {
        3: 'election*, electoral*, elector*, re-election, reelection, vote*, voting, voter*, ballot*, polling station*, polls, opinion poll*, exit poll*, referendum*, campaign trail, presidential race, candidate*, nominee*, primary, primaries, caucus*, turnout, constituenc*, landslide, runoff, run-off, recount*, election commission, campaign rally, manifesto*, swing state*, midterm*, by-election*, electoral college, polling',
        2: 'campaign*, seat*, majority, win, won, race, contest*, debate*, poll',
      },
      es: {
        3: 'eleccion*, electoral*, elector*, voto*, votacion*, votant*, urnas, referendum, candidat*, campana electoral, escrutinio, encuesta*',
      },
      fr: {
        3: 'election*, electoral*, electeur*, vote*, scrutin*, referendum, candidat*, campagne electorale, sondage*, second tour, premier tour',
      },
      de: {
        3: 'wahl, wahlen, wahlkampf*, wahler*, wahlbeteiligung, abstimmung*, stimme*, referendum, kandidat*, umfrage*, stichwahl',
      },
      pt: {
        3: 'eleicao, eleicoes, eleitor*, eleitora*, voto*, votacao*, urnas, referendo, candidat*, campanha eleitoral, pesquisa*, segundo turno, primeiro turno',
      },
      it: {
        3: 'elezion*, elettoral*, elettor*, voto, voti, votazion*, urne, referendum, candidat*, campagna elettorale, sondagg*, ballottaggio',
      },
    },
  },
];

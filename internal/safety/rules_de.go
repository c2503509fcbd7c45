package safety

// German crisis rules, in normal form: umlauts folded (moechte, waere,
// wuerde), and the spellings without umlaut that people type on foreign
// keyboards listed beside them (mochte, ware, wurde).
var crisisDE = []ruleDef{
	{id: "kill-myself", pats: []string{
		"(mich|mir) [selbst|einfach|endlich|heute|jetzt|bald|morgen|wirklich|lieber|am liebsten] ~2 (umbringen|umzubringen|toeten|zu toeten|toete|totmachen|erhaengen|zu erhaengen|aufhaengen|aufzuhaengen|erschiessen|zu erschiessen|vergiften|zu vergiften|ertraenken|zu ertraenken|erstechen|das leben nehmen|das leben zu nehmen|den rest geben|das leben genommen)",
		"ich (bringe|bring|brachte) mich ~3 um", "(mir|mich) ~3 (etwas|was|ein leid|leid|schaden) ~1 (antun|anzutun|antue|zufuegen|zuzufuegen|angetan)",
		"(mein|meinem|meinen) leben ~3 (beenden|zu beenden|beende|ein ende setzen|ein ende zu setzen|ein ende machen|ein ende bereiten)",
		"(dem ganzen|allem|alles) ~2 ein ende (setzen|zu setzen|machen|bereiten|zu machen)",
		"(will|werde|moechte|mochte|wuerde) ~2 (mit allem|mit dem leben|mit meinem leben) schluss machen",
		"schluss machen mit (allem|dem leben|meinem leben|mir)",
		"(freitod|suizid begehen|selbstmord begehen|selbstmord machen|suizid zu begehen|selbstmord zu begehen)",
	}},
	{id: "suicide", flags: fBare, pats: []string{
		"(suizid*|selbstmord*|todesgedanke*|lebensmuede*|lebensmud*|todessehnsucht|todeswunsch*|sterbewunsch*)",
	}},
	{id: "want-to-die", pats: []string{
		"(will|moechte|mochte|wuerde|wurde|mag|wuensche|wunsche|wuenschte|wunschte|sehne|hoffe|bete|waere bereit|bin bereit|wollte|moechten) ~3 (sterben|tot sein|tot zu sein|zu sterben)",
		"(hoffe|wuensche|wunsche|wuenschte|wunschte|bete) ~3 (sterbe|tot waere|tot ware|tot bin|nicht mehr aufwache|nie mehr aufwache|nicht aufwache|nie wieder aufwache|nicht mehr aufwachen|sterben wuerde|sterben werde)",
		"sterben (will|moechte|mochte|wuerde|wollen|moechten|mag)",
		"(am liebsten|lieber|besser|dann) (waere|ware|bin|sein) ~2 tot", "(waere|ware|bin) (lieber|besser) tot", "(lieber|besser) tot als",
		"(wuenschte|wunschte|wuensche|wunsche) ~3 (tot|nie geboren)", "(waere|ware) ~2 nie geboren",
		"(tod|sterben) (waere|ware|ist|scheint|wirkt) ~2 (erloesung|erlosung|einzige ausweg|einziger ausweg|einzige loesung|besser|leichter)",
		"(einschlafen|schlafen) und (nicht mehr|nie mehr|nie wieder|nicht) aufwachen",
	}},
	{id: "not-want-to-live", pats: []string{
		"(will|moechte|mochte|mag|kann|wuerde|wurde|wollte) ~2 nicht mehr (leben|weiterleben|existieren|aufwachen|da sein|hier sein|atmen|auf dieser welt sein)",
		"nicht mehr (leben|weiterleben|existieren|aufwachen|da sein|hier sein) (will|moechte|mochte|mag|wollen|moechten|kann)",
		"nicht mehr (leben|weiterleben|existieren|aufwachen)",
		"(keine|keinen) (lust|bock|kraft|energie|motivation|freude|nerv|nerven) mehr ~3 (zu leben|leben|weiterzuleben|auf das leben|aufs leben|auf leben|zum leben|am leben|weiter|auf alles|zu existieren)",
		"(nie mehr|nie wieder) aufwachen", "will nicht mehr leben",
		"(will|moechte|mochte|wuensche|wunsche|wuenschte) ~4 (alles|es|das leben|der schmerz|das alles|mein leben) (aufhoert|endet|vorbei ist|zu ende ist|ein ende hat|aufhoeren soll)",
		"(muede|mude|satt|erschoepft|fertig) (vom leben|von meinem leben|des lebens|zu leben|vom dasein|mit dem leben)",
		"nicht [vor|mehr] ~2 (weiterzuleben|weiter zu leben)",
	}},
	{id: "cant-go-on", pats: []string{
		"ich (will|kann|mag|moechte|mochte) [einfach|wirklich|echt|so] nicht mehr $",
		"(halte|halt|ertrage|ertrag|packe|pack|schaffe|schaff) ~3 nicht mehr (aus|aushalten|$)",
		"(halte|halt|ertrage|ertrag) (das|es|das alles|alles|das leben|mein leben) ~1 nicht mehr",
		"(schaffe|packe|schaff|pack) (das alles|das leben|mein leben|alles) nicht mehr",
		"nicht ~6 (lange|laenger|mehr lange) (durchhalte|durchhalten|aushalte|aushalten|mitmache|mitmachen)",
		"am ende (meiner kraefte|meiner kraft)", "(kraft|kraefte) ~2 (am ende|aufgebraucht)",
	}},
	{id: "no-reason-to-live", pats: []string{
		"keinen sinn mehr", "(kein|keinen) (grund|sinn) ~2 (zu leben|weiterzuleben|mehr zu leben|zum leben|i am leben|weiterzumachen)",
		"(alles|das leben|mein leben|leben|es) ~2 (ist|wirkt|scheint|erscheint|fuehlt sich) ~1 (sinnlos|bedeutungslos|wertlos|nicht lebenswert)",
		"(wofuer|wozu) [noch] (leben|weiterleben|weitermachen|aufstehen)",
		"(sehe|seh) (keinen|kein) (ausweg|sinn|grund|lichtblick|ausgang|licht|ende) [mehr]", "(kein|keinen) ausweg [mehr]",
		"(wird|werde) (nie|niemals|nie wieder) (besser|gut)", "keine zukunft (mehr|fuer mich)",
	}},
	{id: "hopeless", pats: []string{
		"(bin|fuehle mich|fuehl mich|fuhle mich|ist alles|alles ist|alles|mein leben ist|das leben ist) ~2 (hoffnungslos|wertlos|nutzlos)",
		"keine hoffnung mehr", "(habe|jede|alle|die) hoffnung verloren", "(jede|alle) hoffnung aufgegeben",
	}},
	{id: "better-off-without-me", flags: fNoSubject, pats: []string{
		"(besser|gluecklicher|glucklicher|leichter|einfacher) ~2 ohne mich", "ohne mich ~2 (besser|gluecklicher|glucklicher|leichter|einfacher)",
		"(niemand|keiner|keinem) (wuerde|wurde|wird) mich (vermissen|vermisst)", "(niemand|keiner) ~4 (vermissen|merken|auffallen|kuemmern) ~4 (wenn ich|waere ich|ware ich) ~3 (tot|weg|nicht mehr|sterbe|sterben)",
		"(froh|gluecklicher|glucklicher|besser dran|erleichtert|besser) ~3 wenn ich ~3 (weg|tot|nicht mehr da|nicht mehr hier|nicht mehr am leben) (waere|ware|bin|sei|sein wuerde)",
		"(bin|fuehle mich wie|fuehle mich als) ~2 [eine] (last|belastung) [fuer|fur] ~2 [alle|jeden|meine|die|andere|alles|meine familie]",
	}},
	{id: "self-harm", flags: fHarm, pats: []string{
		"(ritzen|ritze|ritzt|geritzt|ritzte|zu ritzen)",
		"(mich|mir) ~5 (geritzt|geschnitten|aufgeschnitten|aufgeschlitzt|verbrannt|verbrueht)",
		"(mich|mir) (selbst|absichtlich|wieder|oft) ~3 (verletzt|wehgetan|weh getan|geschlagen)",
		"(schneide|verletze|verbrenne|schlage|ritze) mich ~2 (selbst|wieder|absichtlich|$|oft)",
		"(selbstverletz*|svv|selbst zu verletzen|selbst verletzen)",
		"(pulsadern|pulsader|handgelenke|handgelenk|arme) ~2 (aufschneiden|aufschlitzen|aufgeschnitten|aufgeschlitzt|schneiden|aufzuschneiden)",
		"mir [selbst] (weh tun|wehtun|schaden|schmerzen zufuegen|schmerzen zuzufuegen)",
	}},
	{id: "overdose", flags: fHarm, pats: []string{
		"alle [meine|die|meiner|meinen] ~1 (tabletten|pillen|medikamente|schlaftabletten|medis) ~2 (genommen|geschluckt|eingenommen|nehmen|schlucken|einnehmen)",
		"(tabletten|pillen|medikamente|schlaftabletten|medis|strick|seil|messer|rasierklinge|rasierklingen|klinge) ~2 (gesammelt|gehortet|gebunkert|zusammengespart|sammeln|horten|bunkern|gespart|bereitgelegt|zurechtgelegt|gezaehlt|liegen bereit|bereit gelegt|besorgt)",
		"(ueberdosis|uberdosis|ueberdosiert|ueberdosieren)",
		"(toedliche|todliche|letale|toedlichen|todlichen) (dosis|menge)",
		"wie viele (tabletten|pillen|schlaftabletten) ~3 (sterben|toedlich|todlich|tot|umzubringen)",
		"(viele|zu viele|sehr viele|eine menge|haufenweise|eine handvoll|#10|alle) (tabletten|pillen|schlaftabletten|medikamente|schmerztabletten|schmerzmittel) ~2 (geschluckt|genommen|eingenommen)",
		"(packung|packungen|schachtel|schachteln) (tabletten|pillen|schlaftabletten) (genommen|geschluckt)",
	}},
	{id: "method", pats: []string{
		"(von|vom) ~2 (bruecke|brucke|dach|hochhaus|balkon|turm|klippe|fenster|hochhausdach) ~2 (springen|stuerzen|sturzen|werfen|zu springen|zu stuerzen|springe)",
		"vor (den|einen|die|eine|das) ~1 (zug|you bahn|ubahn|bahn|lkw|auto|bus|strassenbahn|laster) ~2 (werfen|springen|laufen|zu werfen|zu springen|legen|zu laufen|werfe|springe)",
		"(den|einen|der|ein) (strick|galgen)", "(will|moechte|mochte|werde) (jetzt|gleich|einfach|heute) springen $", "(will|moechte|mochte|werde) springen $",
		"(einen|meinen|den|ein) plan ~5 (sterben|umbringen|umzubringen|beenden|beende|zu beenden|suizid|es tue|es mache|tun werde)", "(wie|wege|methoden) ~2 (umbringen|umzubringen|sterben|suizid)",
	}},
	{id: "goodbye", pats: []string{
		"(das|dies) ist (mein|meine) ~1 (abschied|letzte nachricht|letzten worte|letzter gruss)",
		"abschiedsbrief*", "lebt wohl", "(macht es gut|machts gut) (fuer immer|fur immer)",
		"(nichts|nie|nie wieder|nie mehr) ~1 [mehr] von mir (hoeren|horen|sehen|lesen)",
		"(werde|bin) (nicht mehr lange|bald nicht mehr) (da|hier|am leben)",
		"(verschenke|verschenkt|verschenkt|verschenken) ~3 (sachen|besitz|dinge|alles|habseligkeiten)",
	}},
	{id: "disappear", pats: []string{
		"(will|moechte|mochte|wuerde|wurde|mag|wuenschte|wunschte|moechten) ~2 (einfach|nur|bloss|fuer immer|ganz) ~1 verschwinden",
		"(fuer immer|fur immer) verschwinden", "verschwinden (fuer immer|fur immer)",
		"(will|moechte|mochte|mag) [einfach] verschwinden $",
		"(nicht mehr|nie mehr) (da|hier) sein (will|moechte|mag|wollen)",
	}},
	{id: "unsafe", pats: []string{
		"nicht [mehr] sicher vor mir [selbst]", "(gefahr|bedrohung) (fuer|fur) mich [selbst]",
		"(kann|koennte) mich nicht [mehr] (schuetzen|kontrollieren|zusammenreissen)",
		"(tue|tu|mache|mach) [mir] [noch] (etwas|was) (an|dummes|schlimmes)",
	}},
	{id: "ideation", pats: []string{
		"(denke|denk|dachte|gedanken|nachdenken|nachgedacht|gedacht|denken|fantasien|phantasien) ~4 (an den tod|ans sterben|an selbstmord|an suizid|ans aufgeben|tot zu sein|nicht mehr zu leben|ueber den tod|ueber das sterben|daran zu sterben|zu sterben|mich umzubringen|an meine beerdigung|an meinen tod)",
		"(stimmen|stimme) ~4 (sagen|sagt|befehlen|befiehlt) ~2 (ich soll|mir) ~3 (umbringen|sterben|verletzen|umzubringen|springen)",
	}},
}

// German medical-question rules.
var medicalDE = []ruleDef{
	{id: "dose", pats: []string{
		"(dosis|dosierung|dosen|mg|milligramm|ml|mikrogramm|mcg)",
		"(wie viel|wieviel|wie viele|wieviele|zu viel|zu wenig|mehr|weniger|doppelte|halbe|hoehere|niedrigere|hoeher|niedriger) ~2 ({drugname}|{medword})",
		"(verdoppeln|verdopple|erhoehen|erhoehe|reduzieren|reduziere|senken|halbieren|steigern|anpassen) ~3 ({drugname}|{medword}|dosis)",
		"({drugname}|{medword}|dosis) ~3 (verdoppeln|erhoehen|reduzieren|senken|halbieren|steigern|anpassen)",
		"# ~1 (tabletten|pillen|mg|ml|kapseln|tropfen)",
	}},
	{id: "medication-change", pats: []string{
		"({drugname}|{medword}) ~5 (absetzen|abzusetzen|abgesetzt|weglassen|wegzulassen|weggelassen|auslassen|ausgelassen|pausieren|reduzieren|aufhoeren|wechseln|umstellen|umgestellt|weiter nehmen|weiternehmen|vergessen|nicht nehmen|nicht genommen|verdoppeln|erhoehen|ausschleichen)",
		"(absetzen|weglassen|auslassen|pausieren|vergessen|ausschleichen|umstellen|aufhoeren mit|vergass|verpasst) ~5 ({drugname}|{medword}|dosis)",
	}},
	{id: "interaction", pats: []string{
		"{consume} ~5 ({drugname}|{medword}|{subst})", "({drugname}|{medword}|{subst}) ~5 {consume}",
		"({drugname}|{subst}) (und|mit|plus|oder) ~1 ({drugname}|{subst}|{medword})",
		"(darf|kann|soll|sollte) (ich|man) ~5 (kiffen|rauchen|trinken gehen|feiern gehen)",
		"(wechselwirkung*|vertraegt*|vertragen|kombinier*|zusammen mit|gleichzeitig|mischen) ~6 ({drugname}|{medword}|{subst})",
		"({drugname}|{medword}|{subst}) ~6 (wechselwirkung*|vertraegt*|vertragen|kombinier*|zusammen|gleichzeitig|mischen)",
		"{drugname} ~4 (sicher|gefaehrlich|unbedenklich|erlaubt|ok|okay|in ordnung|problematisch|riskant)",
	}},
	{id: "side-effect", pats: []string{
		"(nebenwirkung*|langzeitfolgen|langzeitschaeden|spaetfolgen|abhaengig*|sucht|suechtig|entzug*|toleranz)",
		"(wird|werde|kann|koennte) (mir|ich) ~3 (uebel|schlecht|schwindelig|schwindlig|muede|benommen|uebergeben|halluzinieren)",
		"({drugname}|{medword}|{treatment}|das|es) ~3 (macht|verursacht|ausloest|schadet|beeinflusst|beeintraechtigt|erhoeht|senkt|steigert|veraendert) ~3 ({dsymptom}|gedaechtnis|blase|leber|nieren|herz|gehirn|schlaf|stimmung|psychose|schlimmer)",
	}},
	{id: "symptom", pats: []string{
		"{dsymptom} ~8 {dsymcue}", "({dsymcue}|ist es normal|sorgen) ~8 {dsymptom}",
		"(bleibt|bleiben|verbleibt) ({drugname}|{medword}|es|das) ~3 (koerper|system|blut|urin)",
		"(ist es|ist das) normal ~1 [dass|wenn] ~8 (fuehle|fuhle|fuehlt|bin|habe|ist|sehe|hoere|schlafe|weine)",
		"(mir ist|mir war|ich bin|ich fuehle mich) ~2 (schwindelig|schwindlig|uebel|schlecht|komisch|benommen)",
	}},
	{id: "symptom", flags: fNextCue, pats: []string{"{dsymptom}"}},
	{id: "condition", pats: []string{
		"{dcondition} ~8 {dcondcue}", "{dcondcue} ~8 {dcondition}",
		"(koennen|kann|koennten) sie mir ~3 (verschreiben|empfehlen|geben)",
	}},
}

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
		"schluss machen mit (allem|dem leben|meinem leben|mir)", "(mache|mach|mach ich|mache ich) ~2 schluss mit (allem|dem leben|meinem leben)",
		"(freitod|suizid begehen|selbstmord begehen|selbstmord machen|suizid zu begehen|selbstmord zu begehen)",
	}},
	{id: "suicide", flags: fBare, pats: []string{
		"(suizid*|selbstmord*|todesgedanke*|todessehnsucht|todeswunsch*|sterbewunsch*)",
	}},
	{id: "want-to-die", pats: []string{
		"(will|muss|moechte|mochte|wuerde|wurde|mag|wuensche|wunsche|wuenschte|wunschte|sehne|hoffe|bete|waere bereit|bin bereit|wollte|moechten) ~3 (sterben|tot sein|tot zu sein|zu sterben)",
		"sterben (will|moechte|mochte|wuerde|wollen|moechten|mag)",
	}},
	{id: "not-want-to-live", pats: []string{
		"(will|moechte|mochte|mag|kann|wuerde|wurde|wollte) ~2 nicht mehr (leben|weiterleben|existieren|atmen)",
		"nicht mehr (leben|weiterleben|existieren) (will|moechte|mochte|mag|wollen|moechten|kann)",
		"nicht mehr (leben|weiterleben|existieren)",
		"nicht [vor|mehr] ~2 (weiterzuleben|weiter zu leben)",
	}},
	{id: "self-harm", flags: fHarm, pats: []string{
		"(ritzen|ritze|ritz|ritzt|geritzt|ritzte|zu ritzen)",
		"(mich|mir) ~5 (geritzt|geschnitten|aufgeschnitten|aufgeschlitzt|verbrannt|verbrueht)",
		"(mich|mir) (selbst|absichtlich|wieder|oft) ~3 (verletzt|wehgetan|weh getan|geschlagen)",
		"(schneide|schneid|verletze|verletz|verbrenne|schlage|ritze|ritz) mich ~2 (selbst|wieder|absichtlich|$|oft)",
		"(selbstverletz*|svv|[mich] selbst zu verletzen|[mich] selbst verletzen)",
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
		"(spring|springe|werf mich|werfe mich|lauf|laufe|leg mich|lege mich) ~3 (vor den|vor einen|vor die|vor das|von der|von dem|vom) ~1 (zug|bahn|ubahn|lkw|auto|bus|bruecke|dach|hochhaus|balkon|turm|klippe)",
		"(von|vom) ~2 (bruecke|brucke|dach|hochhaus|balkon|turm|klippe|fenster|hochhausdach) ~2 (springen|stuerzen|sturzen|werfen|zu springen|zu stuerzen|springe)",
		"vor (den|einen|die|eine|das) ~1 (zug|you bahn|ubahn|bahn|lkw|auto|bus|strassenbahn|laster) ~2 (werfen|springen|laufen|zu werfen|zu springen|legen|zu laufen|werfe|springe)",
		"(den|einen|der|ein) (strick|galgen)", "(will|moechte|mochte|werde) (jetzt|gleich|einfach|heute) springen $", "(will|moechte|mochte|werde) springen $",
		"(einen|meinen|den|ein) plan ~5 (sterben|umbringen|umzubringen|beenden|beende|zu beenden|suizid|es tue|es mache|tun werde)", "(wie|wege|methoden) ~2 (umbringen|umzubringen|sterben|suizid)",
	}},
	{id: "unsafe", pats: []string{
		"nicht [mehr] sicher vor mir [selbst]", "(gefahr|bedrohung) (fuer|fur) mich [selbst]",
		"(kann|koennte) mich nicht [mehr] (schuetzen|kontrollieren|zusammenreissen)",
		"(tue|tu|mache|mach) [mir] [noch] (etwas|was) (an|dummes|schlimmes)",
	}},
	{id: "ideation", pats: []string{
		"(denke|denk|dachte|gedanken|nachdenken|nachgedacht|gedacht|denken|fantasien|phantasien) ~4 (an den tod|ans sterben|an selbstmord|an suizid|ans aufgeben|tot zu sein|nicht mehr zu leben|ueber den tod|ueber das sterben|daran zu sterben|zu sterben|mich umzubringen|an meinen tod)",
		"(stimmen|stimme) ~4 (sagen|sagt|befehlen|befiehlt) ~2 (ich soll|mir) ~3 (umbringen|sterben|verletzen|umzubringen|springen)",
	}},
	{id: "overdose-ketamine", pats: []string{
		"ist es soweit ~6 (vorbereitet|geregelt|bereit)",
		"(ganze|ganzen|eine) (packung|schachtel|flasche|dose|blister) ~2 ({drugname}|{medword}) ~1 (geschluckt|genommen|eingenommen)",
		"(mit dem|mit einem|mit meinem) (seil|strick) ~4 (wald|bruecke|dach|keller|garage|park)", "(wald|bruecke|dach|keller|garage|park) ~3 mit dem (seil|strick)",
		"(holzkohle|grillkohle) ~3 (gekauft|besorgt|bestellt|i am auto)",
		"(nehm|nehme|schluck|schlucke|sprueh|spruehe) ~3 (rest|alles) ~2 {ket}",
		"(springe|spring) (gleich|jetzt|heute|sofort|runter)",
		"(ausgerechnet|berechnet|nachgeschaut|gegoogelt|recherchiert|nachgelesen) ~3 wie viele (tabletten|pillen|schlaftabletten|medikamente)",
		"(habe|habe) [jetzt|schon|endlich] genug (tabletten|pillen|schlaftabletten) ~2 $",
		"ich (nehm|nehme|schluck|schlucke) alle (tabletten|pillen|medikamente|schlaftabletten)",
		"(geh|gehe|fahr|fahre|lauf|laufe) ~3 (zur|zum|an die|an den|auf die|auf das|in den) (bruecke|fluss|see|meer|gleisen|gleise|dach|klippe|bahnhof|wald) ~4 (komm nicht zurueck|komme nicht zurueck|nicht mehr zurueck|nie wieder zurueck)",
		"(testament|brief|briefe|abschiedsbrief) ~8 (heute|morgen|heute nacht) ist es soweit",
		"wie (viel|viele) ~4 {ket} ~5 damit (es|alles|das) (aufhoert|vorbei ist|endet)",
		"#2 ~1 {ket} (statt|anstatt|anstelle)",
		"garage ~6 (motor laeuft|motor an|abgase)", "(motor laeuft|motor an|abgase) ~6 garage",
		"(ganzes|ganze|ganzen|alle|alles|komplette|restliche) ~1 {ket} ~2 (genommen|geschluckt|gesprueht|gezogen|eingenommen)",
		"(alle|alles|ganze|ganzen|gesamte|komplette|restlichen) ~2 {ket} ~4 (auf einmal|aufeinmal|gleichzeitig|zusammen|auf ex|nehme|nehmen|schlucke|schlucken|genommen|geschluckt|spruehe|gesprueht)",
		"(was passiert|was wuerde passieren|was waere|was passiert dann) ~2 wenn ich ~5 (alle|alles|ganze|ganzen|restlichen) ~3 {ket}",
		"wie (viel|viele) ~4 {ket} ~6 (nicht mehr aufwache|nicht mehr aufzuwachen|nie mehr aufwache|nie wieder aufwache|toedlich|sterben|tot|umbringen|umzubringen|herz stehen|stehen bleibt)",
		"wie (viel|viele) ~5 (nicht mehr aufwache|nicht mehr aufzuwachen|nie wieder aufwache|nie mehr aufwache|toedlich|toedlich waeren|toedlich ist|zu sterben|umzubringen)",
		"(toedliche|todliche|letale|toedlichen) (dosis|menge) ~2 {ket}",
		"(zu viel|viel zu viel|zu viele|zuviel|viel zu viele) ~3 ({ket}|genommen|geschluckt|gesprueht|eingenommen) ~6 (atme|atmen|luft|atmung|herz|bewusstlos|umkippen|spuere|spure|bewegen|nicht bewegen|nicht atmen|nicht mehr bewegen|hilfe|blau)",
	}},
	{id: "plan", pats: []string{
		"(wenn|sobald|waehrend) (alle|keiner|niemand|meine frau|mein mann|die kinder|meine eltern|mein partner|meine partnerin) ~4 (weg|schlafen|schlaeft|aus dem haus|unterwegs|nicht da|aus sind|dienstreise|reise|verreist|arbeit|schicht|urlaub) ~4 (mache ich es|mach ich es|ist es soweit|tue ich es|tu ich es|passiert es|mach ich|mache ich)",
		"(heute nacht|heute abend|morgen|am wochenende|am samstag|am sonntag|am freitag) (mache|mach|tue|tu) ich (es|schluss) $",
		"(datum|tag) ~3 (ausgesucht|festgelegt|steht fest|gewaehlt)",
		"(strick|seil|schlinge) ~4 (gekauft|besorgt|bereit|liegt|haengt|i am keller|schon)",
		"(fahr|fahre|rase|steuere) ~4 (gegen|vor) (einen|eine|den|die|das) (baum|wand|bruecke|lkw|mauer|zug)",
		"(es|das) wie einen unfall aussehen lassen",
	}},
	{id: "self-harm-other", flags: fHarm, pats: []string{
		"(schneide|schneid|schlitze|schlitz) mir ~2 (pulsadern|pulsader|handgelenke|handgelenk|arme) auf",
		"(verletze|verletz|schneide|schneid|ritze|ritz) mich ~3 (jeden tag|taeglich|jede nacht|jeden abend|staendig)",
		"(drueck|druecke|drueckte) (mir|mich) ~3 (zigarette|zigaretten|kippe|kippen) ~4 aus",
		"(verbrenn|verbrenne|verbrennt|ritz|schneid|schneide|kratz|kratze) (mir|mich) ~3 (haut|arme|arm|beine|bein|handgelenk|handgelenke|bauch|oberschenkel)",
		"(kratze|kratzt|gekratzt|aufgekratzt|beisse|gebissen|schlage|geschlagen|verbrenne|verbrannt) ~5 (bis es blutet|bis es blutete|blutig|bis ich blute|bis blut kommt)",
		"(kopf|faust|haende) ~2 (gegen|an) die (wand|tuer) ~4 (bis|geschlagen|schlage|gehauen|haue)",
		"(mit der|mit einer|mit dem) (zigarette|feuerzeug|buegeleisen|kerze) ~3 verbrannt",
	}},
	// Fitted batch 8: German word order and separable verbs ("nehm mir das
	// leben", "schluck ich alles"), means made ready, decisions, a last goodbye.
	{id: "last-goodbye", flags: fNoSubject, pats: []string{
		"(weiss|wissen|ahnt|ahnen|ahnte|wusste) ~2 nicht ~4 (das letzte mal|zum letzten mal|ein abschied|der abschied)",
	}},
	{id: "decided", pats: []string{
		"(nehm|nehme|nimm|nahm|nehmen) ~2 (mir|ich mir) ~4 das leben",
		"(beschlossen|entschieden|entschlossen|vorgenommen|fest vor|vor) ~4 (zu sterben|mich umzubringen|mir das leben zu nehmen|mich zu toeten|es zu beenden|alles zu beenden|mein leben zu beenden|mich aufzuhaengen|zu springen)",
		"(heute|morgen|heute nacht|heute abend|jetzt|am wochenende) ist es so weit",
		"(tabletten|pillen|medikamente|schlaftabletten|medis|{drugname}) ~3 (gehamstert|hamstere|hamster|gehortet|zurueckgelegt|aufgehoben|versteckt|beiseite gelegt|beiseitegelegt)",
		"(tabletten|pillen|medikamente|schlaftabletten|medis|klinge|rasierklinge|messer|strick|seil|waffe|pistole) ~2 (liegen|liegt|stehen|steht) ~2 (vor mir|neben mir|bereit|schon bereit|griffbereit)",
		"(schluck|schlucke|nehm|nehme|nimm) (ich|ich heute|ich jetzt) ~3 alles ~5 (medikamentenschrank|hausapotheke|arzneischrank|tablettenschrank|schrank|da ist|was ich habe)",
		"ich (schluck|schlucke|nehm|nehme) ~3 alles ~5 (medikamentenschrank|hausapotheke|arzneischrank|tablettenschrank)",
		"(handvoll|haufen|packung|ganze|viele|alle|paar) ~2 ({drugname}|tabletten|pillen|schlaftabletten|medis) ~4 ({subst}|alkohol|wodka|schnaps|wein|bier) ~2 (runtergespuelt|runtergespult|genommen|geschluckt|gemischt|getrunken)",
		"({drugname}|tabletten|pillen|schlaftabletten|medis) ~4 (runtergespuelt|runtergespult|runtergekippt)",
		"(wach|wache|werde|wachen) ~3 nicht mehr auf ~6 (gesorgt|sorge ich|sorg ich)",
		"(ich|ich mach|ich mache) (mach|mache|setze|setz|bereite) (heute|heute nacht|heute abend|morgen|jetzt|gleich|bald|endlich) ~1 ein ende",
		"(heute|heute nacht|heute abend|morgen|jetzt|gleich|bald|endlich) (mach|mache|setze|setz) ich ~1 ein ende",
		"(aufgeritzt|aufritzen|aufzuritzen|angeritzt|aufgekratzt|aufgeschnitten) ~3 [$] ~3 (mir|mich|arme|arm|beine|bein|haut|handgelenk|handgelenke)",
		"(mir|mich) ~6 (aufgeritzt|angeritzt|aufgeschnitten|aufgeschlitzt)",
		"(mir|mich) ~3 (erhaengen|erhangen|aufhaengen|aufhangen)",
		"(werd|werde|will|wuerde) mich ~2 (erhaengen|erhangen|aufhaengen|aufhangen)",
	}},
	// Fitted batch 9: verb-second methods ("morgen spring ich vom
	// parkhaus"), separable verbs ("tu mir was an"), notes for after, acts
	// with a body part, on-purpose overdoses.
	{id: "method-v2", pats: []string{
		"(spring|springe|stuerz|stuerze|werf|werfe) (ich|mich) ~3 (vom|von der|von dem|von einem|von einer|aus dem|vor den|vor einen|vor die|vor das) ~1 (parkhaus|dach|bruecke|hochhaus|balkon|fenster|turm|klippe|zug|bahn|lkw|auto|bus|gleise|felsen)",
		"(lauf|laufe|geh|gehe|renn|renne|stell|stelle|leg|lege) ~4 auf die (autobahn|gleise|schienen|bundesstrasse)",
		"(tu|tue) mir ~3 (was|etwas|ein leid|leid) an",
		"(wenn|falls|sobald) (ihr|du|sie|jemand|man) ~1 (das|dies|diese nachricht|diesen brief) (lest|liest|lesen|findet|findest|finden) ~4 (tot|nicht mehr da|nicht mehr am leben|nicht mehr hier|gestorben)",
		"(bruecke|dach|gleise|gleisen|klippe|parkhaus|hochhaus|see|fluss|autobahn) ~8 (keine sorgen mehr|nicht mehr sorgen|lebt wohl|verzeiht mir|vergebt mir)",
		"(mir|mich) ~8 (in den|in die|am|an den|an der|in meinen|in meine) (unterarm|arm|arme|oberschenkel|bein|beine|handgelenk|bauch|haut|unterarme) ~2 (geschnitten|geritzt|gestochen|verbrannt|geschlitzt)",
		"(verbrenn|verbrenne|verbrennt|kratz|kratze|schlag|schlage|beiss|beisse|schneid|schneide|verletz|verletze) mich ~4 (jeden tag|taeglich|jede nacht|jeden abend|staendig|mit dem feuerzeug|mit der zigarette|mit zigaretten|absichtlich|oft)",
		"(absichtlich|mit absicht|bewusst) ~3 (zu viel|zu viele|viel zu viel|mehr|alles|die ganze|das ganze|den ganzen) ~4 (genommen|geschluckt|gesprueht|gezogen|eingenommen|gespritzt)",
		"(entschieden|entschlossen|beschlossen) $ ich (geh|gehe) [jetzt] $",
		"(ueberleg|ueberlege|ueberlegt|denke|denk|will|werde|wuerde|moechte) ~2 (sie|die|die ganzen) alle (zu nehmen|zu schlucken|nehmen|schlucken|einzunehmen)",
		"gibt es ~3 nicht mehr ~6 (entschieden|beschlossen|dafuer sorge|dafuer gesorgt)",
		"(dabei|kurz davor|gleich|grad|gerade) ~3 alle ~1 (tabletten|pillen|schlaftabletten|schmerztabletten|medikamente|medis) ~4 (zu nehmen|zu schlucken|nehmen|schlucken)",
		"alle ~1 (tabletten|pillen|schlaftabletten|schmerztabletten|medikamente|medis) ~4 (die ich finden|die ich kriegen|die ich habe|die i am haus|die da sind)",
	}},
	// Fitted batch 10: slang for pills and guns, water, scratching open.
	{id: "method-v3", pats: []string{
		"#8 ({drugname}|tabletten|pillen|schlaftabletten|medis|schmerztabletten) ~2 (eingeworfen|geschluckt|genommen|reingehauen|eingeschmissen|eingenommen)",
		"(mal sehen|mal schauen|mal gucken) ob ich ~2 (aufwach*|ueberlebe)",
		"(geh|gehe|lauf|laufe) ~2 (heute nacht|nachts|heute abend|heute) ins wasser",
		"(mich|mir) ~3 (abknallen|abzuknallen|wegballern|wegzuballern|kaltmachen|die kugel geben|eine kugel geben|in den kopf schiessen)",
		"(bruecke|dach|gleise|gleisen|klippe|parkhaus|hochhaus|see|fluss|autobahn) ~6 (es ist so weit|ist es so weit|es ist soweit|ist es soweit)",
		"(schmeiss|schmeisse|werf|werfe|leg|lege) mich ~2 vor (die|den|einen|eine) ~1 (bahn|zug|s bahn|you bahn|ubahn|sbahn|tram|strassenbahn|lkw|bus|auto|laster)",
		"(zerkratzt|zerschnitten|zerkratze|zerschneide|zerbissen) ~5 (bis|offen|blut|blutig|blutet)",
		"(tabletten|pillen|schlaftabletten) (wirken|wirkt) (schon|bereits) $",
		"(abschiedsbrief|abschiedsbriefe|abschiedsbriefen) ~8 ~4 (klinge|klingen|rasierklinge|strick|seil|tabletten|waffe|messer|pistole)",
		"aufgehoert ~3 (essen|trinken) ~8 (vorbei|sterben|ende|aufhoert)",
		"(mir|mich) ~4 (zerkratzt|zerschnitten|zerkratze|zerschneide)",
	}},
	// Fitted batch 11: clipped verbs ("mich umbring"), assisted dying,
	// alcohol with all of a medicine, railings, exhaust, a knife, a
	// decision with a date, snorting too much on purpose.
	{id: "method-v4", pats: []string{
		"(mich|mir) ~3 (umbring|toet|erschiess|vergift|erhaeng)",
		"(ticket|flug|hinflug|termin|angemeldet|anmelden|anmeldung) ~6 (sterbehilfe|dignitas)",
		"(flasche|flaschen|glaeser|bier|schnaps|wodka|wein) ~4 (und|mit) alle (meine|die|meiner) ~1 ({drugname}|tabletten|pillen|medis|schlaftabletten)",
		"(kletter|klettere|steig|steige|klettern|steigen) ~3 (uebers|ueber das|ueber die|auf das|aufs) (gelaender|bruestung|absperrung|balkongelaender|fensterbrett|sims)",
		"(auto|motor|wagen) ~4 garage ~2 laufen (lassen|gelassen)", "garage ~4 (laufen lassen|laufen gelassen)",
		"(stech|steche|ramm|ramme) mir ~3 (messer|klinge|schere) ~2 (rein|in den bauch|in die brust|ins herz|in den hals)",
		"(entschluss steht|entscheidung steht|entschieden|beschlossen) ~5 (bin ich weg|bin ich tot|bin ich nicht mehr da|gibt es mich nicht mehr)",
		"(zu viel|zu viele|viel zu viel) ~2 (gezogen|geballert|gesnieft|gesprueht) ~8 (herz|atme|luft|bewusstlos|will das|auch so)",
	}},
	// Fitted batch 12.
	{id: "method-v5", pats: []string{
		"({drugname}|oxycodon|oxy|tabletten|pillen|schlaftabletten|medis|schmerztabletten) ~6 (die|sie) (reichen|sollten reichen|muessten reichen) $",
		"(totsaufen|tot saufen|totzusaufen|zu tode saufen|zu tode trinken)",
		"(guertel|seil|strick|kabel|schal|schlinge) ~4 (tuer|tuerklinke|haken|balken|dachbalken|rohr|heizung|treppengelaender) ~2 (festgemacht|festgebunden|befestigt|gebunden|angebracht)",
		"(such|suche) mir ~1 (bruecke|hochhaus|dach|parkhaus|klippe)",
		"(habe) genug (genommen|geschluckt|eingenommen) $", "noch (lebe|am leben) ~4 wunder",
		"ich (nehm|nehme|schluck|schlucke) (jetzt|gleich|heute|heute nacht|einfach) alle (tabletten|pillen|medikamente|schlaftabletten|medis)",
	}},
	// Round 3, fitted batch 13 on: slots rather than phrases (see rules_en.go).
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(alle|alles|ganze|ganzen|ganzes|gesamte|gesamten|komplette|kompletten|restlichen|den rest) [meine|meiner|meinen|die|der|von den|von meinen|meines] ~1 {pillword} ~4 (auf einmal|aufeinmal|auf ex|gleichzeitig|zusammen|{dschluck})",
		"(vor|vorhabe|will|werde|moechte|plane|ueberlege) ~6 (alle|alles|ganze|ganzen|ganzes) ~3 {pillword} ~3 {dschluck}",
		"wie (viel|viele) ~8 (damit|bis|dass|um) ~3 {dnowake}",
		"(was passiert|was wuerde passieren|was waere|was passiert dann) ~2 wenn ich ~6 (alle|alles|ganze|ganzen|ganzes|gesamte|komplette|restlichen) ~3 {pillword}",
		"#10 ~1 {pillword} ~3 (gesammelt|gehortet|gebunkert|versteckt|gespart|zurueckgelegt|aufgehoben|gehamstert)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(mir|mich) ~8 (gegen|an|auf) (den|die|meinen|meine|das) (kopf|wand|tuer|schrank|tisch|boden) ~3 (gehauen|geschlagen|geknallt|gerammt|gehaemmert|geboxt)",
		"(mir|mich) ~8 bis ~3 {hurtend}",
		"(esse|trinke|iss|trink|esse ich|trinke ich) ~3 nichts mehr ~4 bis ~3 (vorbei|tot|sterbe|zu ende|aus ist)",
		"(hungere|hunger) mich ~3 (tot|zu tode|aus)",
	}},
	{id: "compose-means", pats: []string{
		"(waffe|pistole|gewehr|strick|seil|klinge|rasierklinge|schlinge) ~3 (besorgt|gekauft|organisiert|geholt|bestellt) ~2 (fuer mich|fuer mich selbst|fuer heute|fuer morgen)",
	}},
	{id: "decided", flags: fPlan | fAlone, pats: []string{
		"(ich habe|habe) (mich entschieden|es beschlossen|mich entschlossen|beschlossen|entschieden) $",
		"(es gibt kein zurueck|kein zurueck mehr|mein entschluss steht|die entscheidung ist gefallen|entscheidung steht)",
		"(heute|heute nacht|heute abend|jetzt|das) (ist|fuehlt sich) ~1 (richtig an|der richtige tag|die richtige nacht|der moment) $",
	}},
	{id: "farewell-plan", flags: fPlan | fAway, pats: []string{
		"(es ist|es war|das ist|ist) nicht (deine|eure|ihre) schuld",
		"(briefe|brief|abschiedsbrief|abschiedsbriefe) ~3 (geschrieben|hinterlassen|fuer meine|an meine|fuer alle|an alle|an euch|an jeden)",
	}},
	// Fitted batch 14.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(sterben|tot|toedlich|umbringen) ~8 (dazunehmen|dazu nehmen|sicher zu gehen|sicherzugehen|damit es klappt|damit es reicht|damit es sicher)",
		"(damit|dass|sodass|so dass|um) [ich] ~3 (nicht mehr|nie mehr|nie wieder) (aufwache|aufwachen|aufzuwachen)",
		"({pillword}|wodka|schnaps|flasche|schachtel|packung) ~2 (liegen|liegt|stehen|steht) ~2 (vor mir|neben mir|bereit|schon bereit|griffbereit|auf dem tisch)",
		"(geschluckt|getrunken|trinke|trink|schlucke|schluck|genommen) ~2 {poison}", "{poison} ~3 (geschluckt|getrunken|trinken|schlucken|genommen)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(absichtlich|mit absicht|bewusst|extra) ~8 (verbrannt|verbrueht|geschnitten|geritzt|geschlagen|verletzt|gekratzt|gebissen|aufgeschnitten)",
		"(kabel|ladekabel|guertel|schal|seil|strick|schnur|schlinge|krawatte) ~3 um (den|meinen) hals ~4 (gelegt|gebunden|zugezogen|zugeschnuert|gewickelt|gezogen)",
		"(koerper|herz) (soll|sollen|muss|moege|darf) ~2 (aufgeben|aufhoeren|versagen|stehen bleiben|stehenbleiben|schlapp machen)",
	}},
	{id: "compose-method", pats: []string{
		"(spring|springe|stuerz|stuerze|werf mich|werfe mich|lass mich|lasse mich) ~3 (vom|von der|von dem|von einem|von einer|aus dem|aus meinem|von meinem|vor den|vor einen|vor die|vor das) ~2 {dplace}",
		"(fahr|fahre|rase|steuere|lenke) ~6 (gegen|vor|in) (einen|eine|den|die|das) ~1 (baum|wand|bruecke|lkw|mauer|zug|brueckenpfeiler|pfeiler|betonwand|leitplanke|gegenverkehr|laster|betonpfeiler)",
		"(schreib|schreibe|geschrieben|verfasse|verfasst|verschickt|schicke|aufgenommen|nehme auf) ~3 (abschiedsbrief*|abschiedsnachricht*|abschiedsvideo*|abschiedsworte|letzte worte)",
		"und (ich habe|habe) ~1 einen plan",
	}},
	// Round 7: "aber ich hab einen plan" only with a means, a place or a
	// time elsewhere ("aber ich hab einen plan für pausen" is none).
	{id: "compose-method", flags: fPlan, pats: []string{
		"aber (ich habe|habe) ~1 einen plan",
	}},
	{id: "compose-method", flags: fAway | fAlone, pats: []string{
		"(steh|stehe|sitz|sitze|bin) (auf|an) (der|dem|den) ~1 (bruecke|dach|gleisen|gleis|klippe|kante|gelaender|brueckengelaender|parkhausdach|hochhausdach|bahnsteigkante)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(weiss|kenne) ~2 (welche|welcher|welchen|welches|an welcher|an welchem|wo|wann) ~1 (tuer|baum|balken|haken|bruecke|stelle|ort|tag)",
		"(komm|komme|kommen) ~2 nicht (wieder|zurueck|mehr zurueck|mehr heim|mehr nach hause)",
	}},
	// Fitted batch 15.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(ab welcher|welche|wie viel|wie viele|wieviel) (menge|dosis|tabletten|pillen) ~5 {dnowake}",
		"(dosis|menge) ~5 (toedlich|letal|toedliche) (ist|waere|sind|ist)",
		"(alles|alle tabletten|alle medikamente|alle pillen) aus dem (schrank|medikamentenschrank|badschrank|arzneischrank|apothekenschrank|erste hilfe kasten|spiegelschrank) ~2 (genommen|geschluckt)",
		"{pillword} ~2 (sind|liegen|stehen) ~2 (abgezaehlt|abgezahlt|gezaehlt|bereit|ausgelegt|vorbereitet|aufgereiht)",
		"{pillword} ~8 (der|den) rest ~2 (kommt|nehm|nehme|schluck|schlucke|folgt|auch noch|hinterher)",
	}},
	{id: "compose-method", pats: []string{
		"(haeng|haenge|haengt) mich ~4 auf", "(bring|bringe) ich mich ~3 um",
		"(mich|mir) ~2 (wegmachen|wegzumachen|abmurksen|kaltmachen|ausloeschen|umnieten|abzumurksen)",
		"(will|werde|werd|moechte|wuerde gern) ~3 (abkratzen|abnibbeln|verrecken|draufgehen|den loeffel abgeben|ins gras beissen)",
		"(auto|wagen) ~3 (in den|in die|gegen|vor|von der) ~2 (fluss|see|baum|wand|bruecke|mauer|lkw|zug|klippe|abgrund) ~2 (zu fahren|fahren|zu steuern|zu lenken|rasen|zu rasen)",
		"(sitz|sitze|steh|stehe) ~2 (auf dem|auf der|am) (fensterbrett|fenstersims|sims|gelaender|dachkante|brueckengelaender|kante)",
		"(schlinge|strick) ~2 (gemacht|geknuepft|gebunden|gedreht|vorbereitet)",
		"(ab|nach) (heute nacht|heute|morgen|heute abend) ~3 kein (problem|last|belastung) mehr",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(sieht|sieht es) (so aus|danach aus|ganz so aus) ~3 (heute nacht|heute|morgen|am wochenende)",
		"(komm|komme|kommen) ~2 nicht mehr (raus|hoch|heim)",
	}},
	// Fitted batch 16.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(packungen|schachteln|flaschen|blister|streifen|packung|schachtel) ~1 {pillword} ~8 (nehmen|schlucken|einwerfen) (will|werde|moechte)",
		"(nehm|nehme|schluck|schlucke) ~3 alles was ich ~1 (habe|finde|kriege)",
		"(nehm|nehme|schluck|schlucke|werf|werfe) ~2 #10 (tabletten|pillen|schlaftabletten|schmerztabletten|stueck|kapseln|{drugname}|{ket})",
		"#10 ~1 {pillword} ~8 (fuer immer schlafen|nicht mehr aufwachen|fuer immer einschlafen)",
		"(meine|meinen|meiner|das|die) ~2 (kinder|kind|familie|frau|mann|tochter|sohn) ~2 (und dann|dann|und danach) (mich|mir) ~2 (umbringen|toete|das leben nehme)",
	}},
	{id: "compose-method", pats: []string{
		"(mach|mache|tu|tue) ich es ~3 mit (dem|einem|meinem|den) ~1 (seil|strick|messer|guertel|kabel|tabletten|pillen|waffe|pistole|klinge)",
		"(steh|stehe|sitz|sitze|bin) (auf|an) (dem|der) (dach|dachkante|kante) (von|vom|des)",
		"(abschiedsbrief*|abschiedsnachricht*|abschiedsvideo*) ~2 (geschrieben|verfasst|verschickt|aufgenommen|hingelegt|hinterlegt|gelegt)",
		"(tief|tiefer) ~2 (geschnitten|geritzt)", "(geschnitten|geritzt|schnitt|schnitte) ~6 (genaeht|naehen|geklammert|stiche)",
		"ich ~3 gegen mich [selbst] (richten|richte|gerichtet)",
		"(stell|stelle|leg|lege|werf|werfe) mich ~2 vor (den|einen|die|das) ~1 (zug|bahn|lkw|bus|auto|strassenbahn|ubahn|laster)",
		"(schlag|schlage|hau|haue) (mir|mich) ~4 (bis|so lange)",
		"(zu|zur|zum|an die|auf die|auf das|an den) ~2 {dplace} ~2 um (zu springen|runterzuspringen|mich runterzustuerzen|es zu beenden)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(nehm|nehme|schluck|schlucke) ich (sie|die|alle|alles|die alle|sie alle)",
		"(kann|koennen|koennte|wuerde|wuerden) ~4 ({pillword}|dosis|menge) ~4 (umbringen|toeten|toedlich sein|toedlich)",
	}},
	// Fitted batch 17.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(haufen|menge|ladung|batzen|handvoll|ganze menge) ~2 {pillword} ~4 (genommen|geschluckt|eingeworfen|reingehauen)",
		"#5 ~1 {pillword} ~2 (auf einmal|gleichzeitig|auf ex|aufeinmal) ~2 (genommen|geschluckt|gesprueht)",
		"wie (lange|lang) ~4 (zu verbluten|bis man verblutet|zu sterben|bis man stirbt|bis man tot ist)",
	}},
	{id: "compose-method", pats: []string{
		"(vom|von der|aus dem) ~3 (stock|stockwerk|etage|dach|fenster|balkon) ~4 (springen|stuerzen|zu springen)",
		"(ertraenk|ertraenke|erhaeng|erhaenge|erschiess|erschiesse|vergift|vergifte|erstech|ersteche) mich",
		"bereit (zu gehen|zu sterben) ~8 (alles gesagt|mich verabschiedet|abschied genommen)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"ich (mach|mache|tu|tue) es ~3 mit (dem|einem|meinem|den) ~1 (*messer|seil|strick|guertel|kabel|tabletten|pillen|waffe|pistole|klinge)",
	}},
	// Fitted batch 18.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"genug ~2 {pillword} ~8 (zu beenden|zu sterben|schluss zu machen|fuer immer|nicht mehr aufzuwachen)",
		"(flasche|packung|dose|schachtel|blister|streifen|roehrchen) ~3 {pillword} ~2 (leer gemacht|leergemacht|leer|geleert|geschluckt|genommen|reingehauen)",
		"{pillword} ~3 (alles|alle|komplett) (auf einmal|aufeinmal|gleichzeitig|auf ex)",
		"(spritz|spritze|nehm|nehme|nehme ich|nehm ich) ~2 (absichtlich|mit absicht|bewusst|extra) ~2 (kein|keine|keinen|nicht mehr) ~2 {pillword}",
		"(sterben|toedlich|ueberdosis|umbringen|tot) ~8 (frag|frage) (weil|da) (ich|ichs|ich es) ~2 (will|vorhab|vorhabe|plane|vorhabe|machen will|tun will)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(handgelenk|handgelenke|pulsader|pulsadern|unterarm|unterarme|arm|arme|oberschenkel|bein|beine) ~4 (aufgemacht|aufgeschnitten|aufgeritzt|aufgeschlitzt|aufgekratzt|aufgerissen)",
		"(kopf|gesicht) ~3 unter (wasser|das wasser|die wasseroberflaeche) ~6 (ohnmaechtig|bewusstlos|keine luft|umkipp*|weg bin)",
	}},
	{id: "compose-method", pats: []string{
		"(bruecke|bahnbruecke|gleis|gleisen|gleise|bahnsteig|schienen|bahnuebergang) ~8 auf (den|einen|die) ~1 (zug|gueterzug|bahn|ubahn|lkw|ice|schnellzug|regionalzug) (gewartet|warten|zu warten|warte|wart)",
		"schlauch ~3 (auspuff|abgas*)",
		"(knarre|waffe|pistole|gewehr|flinte|revolver) ~2 (ist|liegt) ~2 geladen ~4 (neben mir|auf dem|auf meinem|i am|in meiner|bereit|und liegt)",
		"weiss genau (welche|welcher|welches|welchen|wo|wann) ~2 ({dplace}|parkhaus|baum|balken|haken|bruecke|stelle|zug|tag)",
		"(entschieden|entschlossen|beschlossen) ~4 habe alles (was ich brauch|was ich brauche|da|zusammen|bereit|besorgt)",
		"(mach|mache) (i|ich) (an|einen|den) schluss",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(sammel|sammle|sammele|horte|hort|bunker|bunkere|spar|spare) ~4 {pillword}",
		"(heute nacht|heute abend|heute|morgen|jetzt) (mach|mache) ich schluss $",
		"(mach|mache) ~3 einen abgang",
		"dann ist (es|alles) (vorbei|aus|zu ende) $", "dann ist schluss $",
	}},
	{id: "decided", flags: fPlan | fAlone, pats: []string{
		"(ich bin|bin) (bereit|jetzt bereit) $",
	}},
	// Fitted batch 19.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(runtergespuelt|runterspuelen|runtergekippt|heruntergespuelt) ~2 ({subst}|sixpack|flasche|alkohol)",
		"{pillword} ~6 (runtergespuelt|runterspuelen|runtergekippt|heruntergespuelt)",
		"(trink|trinke|sauf|saufe) ~4 bis ich (umfall|umfalle|umkipp|umkippe|weg bin) ~6 {pillword}",
		"(reichen|reicht|genuegen) #10 ~1 {pillword} ~4 {dnowake}",
		"{pillword} ~6 (bereitgestellt|bereitgelegt|hingestellt|bereit gestellt) ~4 (morgen|heute|heute nacht) ist mein tag",
		"(gift|rattengift|zyankali) (online|i am internet|i am netz) (bestellt|gekauft)", "{poison} ~3 (bestellt|gekauft) ~3 (kommt|liefert)", "(online|i am internet|i am netz) ~2 (gift|rattengift|zyankali) (bestellt|gekauft)",
		"(hau|haue|werf|werfe|pfeif|pfeife) [ich] mir ~2 (alle|alles|die ganzen) ~2 {pillword} (rein|ein)",
		"(mach|mache) (das|es) (jetzt|heute|heute nacht) mit den {pillword}",
		"ueberdosis ~2 insulin", "insulin ~3 (ueberdosis|ueberdosiert)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(zigarette|zigaretten|kippe|kippen) ~4 (auf dem|auf meinem|am|auf der|auf meiner) ~1 (arm|unterarm|hand|bein|oberschenkel|haut) ~2 (ausgedrueckt|rumgedrueckt|ausdruecken|gedrueckt)",
		"(kochendes|heisses) (wasser|oel) ~3 (ueber|auf) (den|meinen|die|meine) ~1 (arm|hand|bein|beine|haut) (gekippt|gegossen|geschuettet)",
		"(hau|haue|schlag|schlage) mir ~4 (mit dem|mit einem) (hammer|stein|ziegel) ~4 (bis|so lange)",
		"(verhunger|verhungere|verhungern) mich",
		"mich (verhungern|verdursten) (lassen|lasse)",
	}},
	{id: "compose-method", pats: []string{
		"(fahr|fahre) ~4 mit dem auto in (die|den|das) ~1 (isar|rhein|elbe|main|donau|spree|fluss|see|kanal|hafenbecken|baggersee|meer)",
		"(auf dem|aufm|auf das) (dach|parkhausdach|hochhausdach) ~4 (guck runter|gucke runter|schau runter|schaue runter|runtergucken|runterschauen)",
		"(findet|finden|wird) mich ~4 (meine|mein) ~1 (mitbewohnerin|mitbewohner|mutter|vater|freundin|freund|frau|mann|schwester|bruder) ~4 (zettel|brief|abschiedsbrief)",
		"(an den|an die|auf den|auf die) (gleisen|gleise|schienen) ~4 (gesessen|gelegen|gewartet) ~6 (liegen|bleib ich liegen|leg ich mich)",
		"naechstes mal (bleib|bleibe) ich liegen",
		"(stelle|platz|ort) (an der|unter der|auf der|am|an dem|auf dem) ~1 ({dplace}|*bruecke) ~3 (angeguckt|angeschaut|ausgesucht|ausgeguckt|gefunden)",
	}},
	// Fitted batch 20.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(nehm|nehme|schluck|schlucke|nimm) ~2 (die ganze|den ganzen|das ganze) ~1 (packung|blister|blisterpackung|schachtel|dose|flasche|roehrchen)",
		"{pillword} ~6 (damit|dass|um) [ich] ~2 (nie wieder|nie mehr|nichts mehr|nicht mehr) ~2 (fuehlen|fuehle|spuere|spueren|merke|merken|zu fuehlen|zu spueren)",
		"(nehm|nehme|schluck|schlucke) (alles|alle tabletten|alle medikamente|alle pillen) aus (dem|der) ~1 (schrank|medikamentenschrank|medikamentenkasten|badschrank|arzneischrank|hausapotheke|apothekenschrank|spiegelschrank|medizinschrank)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"({weapon}|scherbe|rasierklinge|schere) ~2 (ans|an das|an mein|auf das|aufs|an den|an meinen) ~1 (handgelenk|hals|arm|pulsader|kehle) (gesetzt|gehalten|gedrueckt|angesetzt|gelegt)",
	}},
	{id: "compose-method", pats: []string{
		"(plastiktuete|tuete|plastiksack|muelltuete) ~2 (ueber|um) (den|dem|meinen|meinem) kopf",
		"(trink|trinke|schluck|schlucke) ~5 {poison}",
		"(absichtlich|mit absicht|bewusst) ~2 vor (den|einen|die|das) ~1 (bus|zug|auto|lkw|laster|strassenbahn|tram|ubahn) (gelaufen|gesprungen|gerannt|getreten|gegangen)",
		"(abschiedsbrief|abschiedsbriefe) ~2 (sind|ist) ~2 (frankiert|verschickt|eingeworfen|abgeschickt|i am briefkasten)",
		"(waffe|pistole|gewehr|flinte|revolver|knarre) ~2 aus (dem|seinem|meinem|ihrem) ~1 (tresor|waffenschrank|safe|waffentresor|schrank) ~4 (geholt|genommen|rausgeholt)",
		"badewanne ~5 (foehn|haartrockner|toaster|radio|heizluefter|glaetteisen)",
		"(schreib|schreibe|tipp|tippe) ~3 (vom|von der|auf dem|auf der) ~1 ({dplace}|parkhausdach|hochhausdach)",
		"(mach|mache) ~4 schluss ~4 (ist entschieden|entschieden|steht fest|beschlossen)",
		"mich fuer (die|den|das) ~1 ({dplace}|bahnstrecke|gleise|bruecke|strick|seil|tabletten|zug) ~3 entschieden",
		"(schmeiss|schmeisse|werf|werfe) mich vor (an|den|einen|die|eine|das) ~1 (zug|bahn|lkw|bus|auto|ubahn|laster|strassenbahn)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"plan steht",
		"wo mich (keiner|niemand) (sieht|findet|aufhaelt|hoert|sehen kann|finden kann)",
		"(morgen|heute|heute nacht|heute abend|bald|am wochenende) ist (es|alles) vorbei",
		"alles (zurechtgelegt|bereitgelegt|hergerichtet)",
	}},
	// Fitted batch 21.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"#1 (packungen|schachteln|blister|streifen|packung|schachtel) ~1 {pillword} ~2 (geschluckt|genommen|eingeworfen|reingehauen)",
		"{pillword} ~8 (wach|wache) ich ~2 (noch|wieder|ueberhaupt) auf",
		"{pillword} ~8 um (es|alles|mein leben) ~2 zu beenden",
	}},
	{id: "compose-self-harm", pats: []string{
		"(verbrenn|verbrenne|verbrennt) (mir|mich) ~4 (haut|arm|arme|bein|beine|hand|haende|oberschenkel|bauch)",
		"(dass|damit) (mein koerper|mein herz) ~2 (aufgibt|aufhoert|versagt|stehen bleibt|stehenbleibt|schlapp macht)",
	}},
	{id: "compose-method", pats: []string{
		"(meinen|mein) (abschied|abgang|exit|tod|suizid|selbstmord) ~2 (plane|planen|geplant|vorbereite|vorbereitet)",
		"(fahr|fahre|geh|gehe|lauf|laufe) ~3 (zur|zum|an die|auf die) ~1 ({dplace}|*bruecke) und (spring|springe)",
		"(leg|lege) mich ~3 auf die (schienen|gleise|strasse|autobahn)",
		"(schwimm|schwimme) ~3 (raus|hinaus) bis ich ~2 (nicht mehr kann|untergeh|untergehe|ertrink|ertrinke)",
		"(lauf|laufe|geh|gehe) ~3 in (die|den|das) ~1 (ostsee|nordsee|meer|fluss|rhein|elbe|wasser|donau|main)",
		"(erstick|ersticke) mich",
		"mich (totfahren|totzufahren|tot fahren|zu tode fahren)",
		"gashahn ~2 (aufgedreht|aufgemacht|auf) ~6 (fenster|tueren|tuer) ~1 (zugemacht|geschlossen|zu|abgedichtet)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(nimm|nehm|nehme|schluck|schlucke) (i|ich) ~1 alle ~1 {pillword}",
		"(ist|is) game over (fuer mich|for me)",
		"(am wochenende|heute|morgen|heute nacht|heute abend|bald) ist es soweit",
		"(knarre|waffe|pistole|gewehr|strick|seil|tabletten|pillen) ~6 (liegt|liegen) schon (in|auf|unter|neben)",
		"(trau|traue) mich (heute|jetzt|heute nacht) $",
	}},
	// Fitted batch 22.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"{pillword} ~6 intus",
	}},
	{id: "compose-method", pats: []string{
		"(kohle|holzkohle|grillkohle) ~6 (bad|auto|zimmer|zelt|garage) ~2 (zu|abdichten|abgedichtet|dicht)",
		"(haeng|haenge) ich mich ~4 auf",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"ich (spring|springe) $",
	}},
	// Fitted batches 26 to 31: intoxication with its signs (a substance or
	// a dose × breathing, waking, seeing double), going to a place now, a
	// murder-suicide ("wenn ich schon geh, nehm ich meinen chef mit").
	{id: "intoxicated", pats: []string{
		"({pillword}|wodka|wein|schnaps|bier|getrunken|reingezogen|gezogen|genommen|geschluckt|lines|benzos|koks) ~8 ((atme|atmet) ~2 (ganz langsam|langsam|schwer|kaum|flach)|(krieg|kriege|kriegen) ~2 (ihn|sie) nicht wach|augen kaum offen|seh alles doppelt)",
		"((atme|atmet) ~2 (ganz langsam|langsam|kaum)|(krieg|kriege|kriegen) (ihn|sie) nicht wach) ~8 ({ket}|{subst}|tabletten|schlaftabletten|getrunken|genommen|geschluckt)",
	}},
	{id: "going-now", pats: []string{
		"(mir|ich mir) ~4 das leben (nehme|nehm)",
		"(guertel|kabel|schal|strick|seil) ~4 (luft abgedrueckt|luft abgeschnuert|gewuergt|stranguliert|zugezogen|zugeschnuert)",
		"(fahr|fahre|geh|gehe|lauf|laufe) (jetzt|gleich|heute nacht|nachher) ~2 (zur|zum|zu den|an die|an den|auf die|auf das) ~1 (bruecke|gleisen|gleise|schienen|bahndamm|dach|klippe|hochhaus|parkhaus|bahnuebergang) $",
		"wenn ich (schon|jetzt) (geh|gehe|sterbe) ~2 (nehm|nehme) ich ~4 mit",
	}},
	// Fitted batches 35 to 43: a dose taken with a farewell ({dbye}); a
	// place of a method with what comes next (a train, a blade, "runter");
	// an instrument on a body part ({dblade} × {dbody}); a means made ready
	// with a time ("das seil ist im schuppen ... heute noch"); ketamine
	// "for good".
	{id: "taken-bye", pats: []string{
		"{pillword} ~3 (sind|ist|habe|habe) ~2 (jetzt|schon|grad|gerade|bereits) ~1 (genommen|geschluckt|drin|intus) ~8 {dbye}",
		"{dbye} ~8 {pillword} ~3 (sind|ist|habe) ~2 (jetzt|schon|grad|gerade|bereits) ~1 (genommen|geschluckt|drin|intus)",
		"(tabletten|pillen|medis|medikamente|zeug) (sind|ist) ~1 genommen",
		"alles ~2 genommen was ~3 (schrank|da war|ich hatte|ich finden|i am haus|i am bad)",
		"#8 ~3 {pillword} ~2 (genommen|geschluckt|eingeworfen|reingehauen)",
		"(wenn ihr das lest|wenn du das liest|wenn ihr das hier lest) ~4 zu spaet",
		"{pillword} ~4 (gespart|gesammelt|gehortet|gebunkert|zurueckgelegt) ~8 (alle|alles) ~2 {dschluck}",
		"(ganze|ganzen|ganzes|komplette) ~2 {ket} ~3 (reingesprueht|reingezogen|weggezogen|aufgezogen|gezogen)",
		"(zieh|ziehe) ich ~3 (weg|rein) ~2 bis (nichts mehr geht|ich nicht mehr)",
		"(weiss|weis) (wieviel|wie viel|wie viele) (reicht|reichen)",
		"(insulin|insulinpens|insulinpen|insulinspritzen) ~6 (viel mehr als sonst|alles auf einmal|jeden einzelnen|alle auf einmal|vollgezogen)",
		"(alle|alles) ~1 (insulinpens|insulinpen|insulinspritzen|insulin) ~4 (heute nacht|spritz|spritze|gespritzt|auf einmal)",
		"(ampullen|ampulle) ~8 (zieh ich|aufziehen|spritz ich|spritze ich|auf)",
		"(k hole|khole|k loch|hole|loch) fuer immer", "fuer immer (ins|in das|in den) (k hole|loch|hole|k loch)",
		"wie (viel|viele) ~8 (damit|bis|dass|um) ~3 (nicht mehr|nie mehr|nie wieder) (zurueckkomm|zurueckkomme|zurueckkommt|zurueckkommen|rauskomm|rauskomme|rauskommt)",
		"(viel|zu viel|so viel|viel zu viel) ~2 ({ket}|{pillword}) ~2 (genommen|gezogen|gesprueht|geschluckt) ~8 (absichtlich|mit absicht|extra|will nicht|nicht mehr aufwachen|fuer immer)",
		"(schluck|schlucke) ~3 (batterien|glasscherben|nadeln|rasierklingen|reiniger|bleiche)",
		"(sie|er|freundin|freund|bruder|schwester|mutter|vater|sohn|tochter|mitbewohner|mitbewohnerin|partner|partnerin) ~6 (alle|ihre|seine) ~2 (tabletten|schlaftabletten|pillen|medikamente) ~2 genommen",
	}},
	{id: "place-next", pats: []string{
		"(steh|stehe|sitz|sitze|bin|lieg|liege) (auf|an|in) (der|dem|den) ~1 (bahnsteigkante|klippe|kante|schienen|dachkante|gelaender|brueckengelaender|wanne|badewanne) ~8 (zug|gueterzug|ice|kommt|spring|springe|runter|tut mir leid|sorry|gleich|warte|minuten|min|klinge|messer|anfangen|fang)",
		"falschen seite ~2 (gelaender|bruestung|absperrung|zaun)",
		"(fahr|fahre|spring|springe|lass mich|lasse mich) gleich runter",
		"(gueterzug|durchfahrender zug|durchfahrende zug) ~4 (kommt|in # min|in # minuten)",
		"(geh|gehe|fahr|fahre|lauf|laufe) ~4 (zu den|zur|zum|an die|an den|auf die) ~1 {dplace2} ~8 (und dann ist schluss|dann ist schluss|keiner soll mich|sucht mich nicht|komm nicht zurueck|da bremst keiner|spring|springe|hoch genug|es tut mir leid|sorry)",
		"(geh|gehe) ~3 (ins meer|ins wasser|in den see|in den fluss|in die see|rein) ~3 (heute nacht|nachts|bei flut|bei nacht|mit steinen)",
		"(heute nacht|nachts|bei flut|mit steinen) ~4 (ins meer|ins wasser|in den see|in den fluss) (gehen|geh|gehe)",
		"(schon|bin) auf dem weg (zum|zur|zu den|an den|an die) ~1 {dplace2}",
		"(hoch genug|tief genug) ~6 (fahr|fahre|geh|gehe|spring|springe|morgen|heute)",
		"(gegen|in) (den|die|einen|eine) ~2 (baum|brueckenpfeiler|pfeiler|betonpfeiler|mauer|gegenverkehr|leitplanke) (zu fahren|fahren|zu rasen|rasen|zu steuern)",
	}},
	{id: "instrument-body", flags: fHarm, pats: []string{
		"(mir|mich) ~6 {dblade} ~4 {dbody}", "(mir|mich) ~4 {dbody} ~4 {dblade}",
		"{dblade} ~4 (an|in|auf|am) (meinem|meinen|meine|meiner|die|den|das|der) ~1 {dbody} ~4 (verletzt|geschnitten|gesessen|bearbeitet|gebrannt|geritzt|schnitte|geblutet|blutet|geschlagen)",
		"(schneid|schneide|ritz|ritze|brenn|brenne|verbrenn|verbrenne|kratz|kratze|verletz|verletze) ich mich",
		"(tiefe|tiefen) (schnitte|schnitt|wunden)", "(wunden|schnitte|narben) ~2 (wieder|neu) (aufgemacht|aufgerissen|aufgekratzt|aufgeschnitten)",
		"(pulsadern|pulsader) ~2 (geoeffnet|aufgemacht|aufgeschnitten)",
		"mich ~4 gewuergt ~4 (guertel|kabel|schal|strick|bis)",
		"(mit benzin|mit spiritus) (uebergossen|ueberschuettet)",
		"mich ~4 (zu ertraenken|zu erhaengen|zu vergiften|zu erschiessen|zu strangulieren)",
		"(koerper|herz) ~3 (kaputt geht|kaputtgeht|endlich kaputt)",
	}},
	{id: "means-time", pats: []string{
		"{dmeans} ~8 (an mir selbst|gegen mich selbst|mach ich es|mache ich es|wie ich es mache|wie ich es mach|will das heute|es heute machen|ist es so weit|ist es soweit|heute noch|um mitternacht|auf meinem schoss|ist geladen|sie ist geladen|festgemacht)",
		"(mach|mache) ich (es|das) ~4 {dmeans}",
		"#10 (stueck|tabletten|pillen) ~3 (liegen|liegt|bereit) ~8 (nehm|nehme|heute|um mitternacht|nacht)",
		"(flasche|packung|schachtel|blister) ~2 {pillword} ~3 (halb leer|leer|ist leer|schon leer)",
		"(eine nach der anderen|einer nach dem anderen) ~4 bis (alle|alles) weg",
		"(abschiedsnachrichten|abschiedsnachricht|abschiedsbriefe|abschiedstext|abschiedsvideo) ~8 (wenn ich|weg bin|raus|morgen frueh|liegen)",
		"(beschlossen|entschieden|vorgenommen) ~4 schluss zu machen",
		"(leb|lebe) ich ~2 nicht mehr $",
		"(kann|koennte) mich ~3 nicht [mehr] sicher halten",
	}},
	// Fitted batches 26 to 43, round 3: short plans and acts.
	{id: "act-now", pats: []string{
		"(bring|bringe) mich ~3 um $",
		"(nehm|nehme|schluck|schlucke|zieh|ziehe|sprueh|spruehe|spritz|spritze) ~3 (mein|meine|meinen) (ganzes|ganze|ganzen|gesamtes|gesamte|komplettes) ~1 ({ket}|{pillword}|insulin|vorrat) $",
		"(wieviel|wieviele) ~4 ({ket}|{pillword}) ~4 (toedlich|tot|sterben|umbringen)",
		"plan ist (der|die|das) ~1 {dplace2}",
		"(kann|koennte) (man|ich) ~3 (an|von|mit) ~3 ({ket}|{pillword}) ~6 sterben",
		"({dmeans}|messer|tabletten) ~4 (machs|mach es|mache es|tu es|tus|tue es|mach ich es|mache ich es|mach ichs) (jetzt|heute|gleich|heute nacht)",
		"(laufendem motor|laufenden motor) ~4 garage", "garage ~4 (laufendem motor|laufenden motor)",
		"(alle|alles) ~2 (spritzen|pens|insulinpens|insulin) ~2 (gesetzt|gespritzt)",
		"(ins loch|ins k loch|ins hole|ins k hole) ~4 (nicht mehr zurueck|nie mehr zurueck|nicht wieder)",
		"(wenn|falls) (ihr|du) (das|dies|diese nachricht) (lest|liest) ~4 (i am wasser|zu spaet|tot)",
		"(autobahn|fahr|fahre) ~8 (mach|mache) (gleich|jetzt) die augen zu",
		"{dblade} ~8 (weiss|weis) was ich ~3 damit (mach|mache|tue)",
		"(mit dem|mit der|mit einem|mit einer) ({dblade}|{dmeans}) ~3 eingeschlossen",
		"(auf den gleisen|auf die gleise|auf den schienen) ~8 (warte|wart|zug|gueterzug)",
		"(heute|jetzt|gleich|morgen|dann) (spring|springe) ich [endlich|wirklich] $",
		"(beschlossen|entschieden) ~3 dass ich ~6 (springe|spring|mich aufhaenge|mich umbringen|mich erhaenge|sterbe)",
		"(beschlossen|entschieden|vorgenommen) ~2 mich ~4 (aufzuhaengen|zu erhaengen|umzubringen|zu toeten|zu ertraenken|zu vergiften|zu erschiessen)",
		"{pillword} ~2 (aufgereiht|abgezaehlt|ausgelegt|bereitgelegt) ~4 (auf dem bett|auf dem tisch|vor mir|neben mir|auf dem schreibtisch)",
		"{pillword} ~6 (geholt|besorgt|bereit) ~8 bin ich (weg|tot)",
	}},
	{id: "self-harm-v3", flags: fHarm, pats: []string{
		"mich ~6 (mit der faust|mit dem hammer|mit der hand) ~3 (ins gesicht|auf den kopf|gegen den kopf) geschlagen",
		"(naegel|fingernaegel) ~4 (ins fleisch|in die haut) ~2 (gerammt|gebohrt|gedrueckt)",
	}},
	{id: "other-now", flags: fNoSubject, pats: []string{
		"eingeschlossen ~6 (rasierklinge|klinge|messer|tabletten|strick) ~6 (macht es|mach es|es jetzt)",
	}},
	{id: "ready-plan", flags: fPlan, pats: []string{
		"die (tabletten|pillen|schlaftabletten) habe ich (schon|bereits) $",
	}},
	// Round 6 (fitted batches 26 to 43; 53 to 55 checked before): the
	// slots of the English round-6 rules in German word order. A statement
	// of doing it counts with a lethal means or a place elsewhere (fMeans),
	// an act done with a last farewell (fBye).
	{id: "r6-doing-it", flags: fPlan | fMeans, pats: []string{
		"(mach|mache|machen|machs) ~2 schluss", "schluss (mach|mache|machen|zu machen)",
		"(mach|mache|tu|tue) (ich|i) (es|s|das) ({when}|heute|heute nacht|heute abend|morgen|jetzt|gleich|dann|am wochenende|hier|da)",
		"(mach|mache|tu|tue) (ichs|is) ({when}|heute|heute nacht|heute abend|morgen|jetzt|gleich|dann|am wochenende)",
		"(ist|is|isch) es (soweit|so weit)", "(bin|i bin) (gleich|bald) (soweit|so weit)",
		"(bring|bringe) ~3 (es|das|mich) ~1 zu ende",
		"(spring|springe) (ich|i) [dann|gleich|heute|morgen|runter] ($|runter|heute|morgen|gleich)",
		"(spring|springe) ~3 (heute|heute nacht|morgen|gleich|runter|$)",
		"(nehm|nehme|schluck|schlucke|spritz|spritze|lutsch|lutsche|trink|trinke|trinks|nimm|schlucken|nehmen|spritzen) ~3 (alle|alles|olle) ~3 (auf einmal|heute nacht|auf d nacht|heute abend|gleich|i am park|hier|auf ex)",
		"(werd|werde) ~3 (alle|alles|olle) ~3 (nehmen|schlucken|spritzen|lutschen|trinken)",
		"(werd|werde) (mir|ich) ~2 alles spritzen",
		"(beend|beende|beenden) (ich|i) (es|alles)",
		"(werd|werde) [ich] (es|das) (wahr machen|durchziehen)",
		"(geh|gehe|gang) (ich|i) ~3 (ins wasser|ins meer|in den see|in den fluss|rein|dert ane|hin)",
	}},
	{id: "r6-decided", flags: fPlan | fBye, pats: []string{
		"(morgen|heute|heute nacht|am wochenende|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag) (ist der tag|passiert es|ist schluss|ist es soweit|ist mein letzter tag)",
		"(bin ich|ich bin|bin) nicht mehr da", "(heute nacht|heute abend|am wochenende) $", "am # ist schluss",
	}},
	{id: "r6-plan", flags: fPlan, pats: []string{
		"(springen|runterspringen) (werde|werd|will)", "(komm|komme) nicht mehr (runter|zurueck|heim|nach hause)",
		"(bring|bringe) (ichs|ich es) zu ende", "(nehm|nehme) ich ~2 (heute abend|heute nacht|morgen|wenn)",
	}},
	{id: "r6-overdose", flags: fHarm, pats: []string{
		"(alle|alles|ganze|ganzen|gesamten|rest|packung|packungen|schachtel|#10) ~4 ({pillword}|{ket}|{dmedr6}) ~6 (genommen|geschluckt|runtergeschluckt|gelutscht|gespritzt|drin|reingehauen|eingeworfen)",
		"{pillword} ~6 (mit|und) ~3 (flasche|wodka|wein|korn|schnaps|bier|alkohol|gin) ~3 (genommen|geschluckt|runtergeschluckt)",
		"(wodka|wein|korn|schnaps|alkohol|bier|gin) ~4 (ganze|ganzen|rest|alle) ~3 ({pillword}|packung|tabletten)",
		"(absichtlich|absicht) ~6 (dreifache|doppelte|verdreifacht|verdoppelt|viel mehr|zu viel|mehr gespritzt|mehr genommen)",
		"(dreifache|doppelte|verdreifacht|verdoppelt|viel mehr|mehr) ~6 (absichtlich|mit absicht)",
		"(zu viel|viel mehr|mehr als ich sollte|mehr als ich soll|mehr als verschrieben) ~4 ({ket}|{pillword}|von den|davon) ~3 (genommen|gespritzt|gelutscht|geschluckt)", "(genommen|gespritzt|gelutscht|geschluckt) ~2 (viel mehr|mehr als ich sollte|mehr als ich soll|mehr als verschrieben)",
		"(sammel|sammle|spar|spare|gesammelt|aufgespart|gehortet|gebunkert) ~6 ({pillword}|{ket}|tabletten|pillen|lutschtabletten)",
		"({pillword}|{ket}) ~6 (gesammelt|aufgespart|gehortet|gebunkert|spar ich mir auf|heb ich mir auf|heb es mir auf|hebe es mir auf)",
	}},
	{id: "r6-self-harm", flags: fHarm, pats: []string{
		"(verbrannt|aufgestochen|aufgeritzt|geritzt|aufgekratzt|aufgeschnitten) ~4 ({dbody}|unterarme|unterarm|oberarm|oberarme|haut|finger)",
		"({dbody}|unterarme|oberarm|haut) ~6 (verbrannt|aufgestochen|geritzt|aufgekratzt|aufgeschnitten)",
		"(knoechel|kopf|haut|arme|finger|faust) ~6 bis ~3 (geblutet|blutet|blutete|aufgeplatzt|rot war)",
		"(klingen|klinge|rasierklingen) ~4 (benutzt|wiedergefunden)", "wieder gemacht ~8 ({dblade}|arme|oberschenkel|tiefer)",
		"(schon wieder|wieder) mit (dem|der) (messer|klinge|rasierklinge|scherbe|glasscherbe|schere|nadel|feuerzeug|cutter)", "{dblade} ~6 in meine haut",
	}},
	{id: "r6-method", pats: []string{
		"gashahn ~2 (aufgedreht|auf|aufdrehen)", "(schlauch|schlaeuche) ~8 (auspuff|garage)", "auspuff ~8 (schlauch|schlaeuche)",
		"(gewehr|pistole|waffe|flinte|revolver|knarre) ~6 (patronen|munition) ~2 (daneben|bereit|geladen)",
		"(sitz|sitze|steh|stehe|stand) ~3 (auf dem|auf der|am) (balkongelaender|gelaender|brueckengelaender|dachkante|fensterbrett|fenstersims)",
		"(zug|bahn|ice) ~6 nicht (um einzusteigen|einsteigen|zum einsteigen)",
		"(wie hoch|welche hoehe) ~6 (nicht ueberlebt|nicht ueberlebe|sicher tot|sicher nicht ueberlebt)",
	}},
	{id: "r6-done-it", flags: fPlan | fBye, pats: []string{
		"(genommen|geschluckt|gespritzt|getrunken) ~2 ($|jetzt|schon|grad|gerade)", "(es|das) ~4 gemacht ~2 ($|jetzt|schon|grad|gerade)",
		"(genommen|geschluckt|gespritzt|getrunken) ~2 (vor # (min|minuten|stunden)|vor einer stunde)",
	}},
	{id: "r6-here-now", flags: fPlan | fBye, pats: []string{
		"(bin|sitz|sitze|steh|stehe) (jetzt|grad|gerade|schon) ~3 (am|an der|auf der|auf dem|i am) ~1 ({dplace2}|steinbruch|hafenbecken|bahndamm|waldparkplatz)",
		"(bin|sitz|sitze|steh|stehe) (am|an der|auf der|auf dem) ~1 ({dplace2}|steinbruch|hafenbecken|bahndamm) (jetzt|grad|gerade)",
	}},
	{id: "r6-method", pats: []string{
		"(ausgerechnet|nachgelesen|recherchiert|recherchier|nachgeschaut|nachgeguckt|gegoogelt|googel|google|geschaut|ausgerechnet) ~6 (wie viele|wieviel|wie viel|wieviele|ab wie vielen|ab wie viel|welche hoehe|wie hoch|wie tief|dass) ~8 (reicht|reichen|toedlich|genug|brauch|braeuchte|brauche|braucht|noetig)",
		"(hoehe|hoch genug) ~6 (nachgeschaut|nachgeguckt|gemessen|geschaut|reicht)",
		"(plan|weiss|weis|weiss schon|weiss genau) ~3 wie ich (es|das) (mach|mache|machen werde|tu|tue|anstelle)",
		"(guertel|seil|strick|kabel|schal|schlinge) um (den|meinen) hals",
		"(stuhl|hocker|leiter) ~3 unter (dem|den|der) (haken|balken|ast|dachbalken|querbalken)",
		"plastiktuete ~3 klebeband", "klebeband ~3 plastiktuete",
		"(dass|damit|so dass|sodass) ich (nicht mehr|nie mehr|nie wieder) (aufwach|aufwache|aufwachen|aufwachen werde)",
		"(damit|dass|bis) ich verblute",
		"(schlag|schlage|hau|haue|schlug) ~4 (meinen|den) kopf ~2 (gegen|an) (die|den|eine) (wand|tuer|boden|heizung|spiegel)",
		"(schlag|schlage|hau|haue) mir ~4 (hammer|faust|stein) ~4 bis ich",
		"(brenn|brenne|verbrenn|verbrenne) mich ~6 mit (dem|der|einem|einer) (feuerzeug|zigarette|zigaretten|buegeleisen|kerze)",
		"(pistole|waffe|gewehr|revolver|flinte|knarre) ~6 (schrank|keller|tresor|safe|schublade|kasten|waffenschrank) (geholt|genommen|rausgeholt)",
		"(pistole|waffe|gewehr|revolver|flinte|knarre) ~4 (liegt|ist) ~2 (neben mir|auf dem bett|auf meinem schoss|geladen)",
		"(ganzen|gesamten|kompletten|ganze|gesamte) (vorrat|packung|schachtel|flasche|blister|flaeschchen|dose) ~4 (genommen|geschluckt|getrunken|gespritzt)",
		"(absicht|absichtlich) ~6 (blute|blutet|geschnitten|verletzt)", "(blute|blutet|blut) ~8 (mit absicht|absichtlich)",
		"(gesammelt|gespart|aufgespart|spar ich mir auf|aufgehoben|gebunkert|gehortet) ~8 (auf einmal|alle|alles|heute nacht|morgen|knall|reicht)",
		"{pillword} ~6 (in ein glas|in einem glas|aufgeloest) ~8 (trink|trinke|trinks|nehm|nehme)",
	}},
	// Round 7 (fitted batches 26-67; 68 on checked before fitting): an
	// overdose told as done by how much (the whole pack, all of them with
	// a sign it was meant: at once, with alcohol, an hour ago, feeling it)
	// or to be taken at a time; going into the water; waiting for the
	// train; a weapon fetched or loaded with its end; a rope or a hose made
	// ready; cutting again.
	{id: "r7-overdose", flags: fHarm, pats: []string{
		"(ganze|ganzen|ganzes|gonze|komplette|kompletten|gesamte|gesamten) (packung|packungen|schachtel|schachteln|blister|vorrat|monatsvorrat|wochenration|streifen) [von|der|den|mit] ~2 " + deDrug7 + " ~4 " + deTook7,
		"(alle|alles|saemtliche|saemtlichen|den rest|die restlichen|restlichen|#8|alle #|die ganzen|ganzen|eine handvoll|handvoll) [meine|meiner|die|der|von|den] ~3 " + deDrug7 + " ~6 " + deTook7 + " ~8 " + deCue7,
		deCue7 + " ~8 (alle|alles|saemtliche|saemtlichen|den rest|die restlichen|restlichen|#8|alle #|die ganzen|ganzen) [meine|meiner|die|der|von|den] ~3 " + deDrug7 + " ~6 " + deTook7,
		"(saemtliche|saemtlichen|die ganzen|den rest|die restlichen|#10|#8 stueck) [meine|meiner|die|der|von|den] ~3 " + deDrug7 + " ~6 " + deTook7,
		deDrug7 + " ~4 (alle|alles|zusammen|sie) (auf einmal|aufeinmal|hintereinander|auf ex)",
		"(nehm|nehme|nimm|schluck|schlucke|spritz|spritze|trink|trinke|lutsch|lutsche|drueck|druecke|geb mir|gebe mir) ~3 (alle|alles|den rest|die restlichen|die ganzen|sie alle) ~6 (heute|heute nacht|heute abend|morgen|gleich|jetzt|dann|auf einmal|aufeinmal|hintereinander|i am park|wenn|sobald)",
		"(werde|werd|will) (sie|die|alle) ~3 (alle|zusammen|auf einmal) ~3 (spritzen|nehmen|geben|schlucken|trinken)",
	}},
	{id: "r7-method", pats: []string{
		"(geh|gehe|lauf|laufe) ~3 (ins|in den|in die) (meer|see|weiher|fluss|wasser|rhein|main|donau|elbe|hafenbecken)",
		"(bei flut|ins wasser|ins meer) ~2 (geh|gehe) ich (rein|hinein)",
		"(warte|wart|warten|warten wir) ~3 auf den (richtigen|naechsten|letzten) (zug|ice|gueterzug)",
		"(flinte|pistole|gewehr|waffe|knarre|revolver|schussapparat|schrotflinte) ~4 (geladen|besorgt|geholt|heimgenommen|mit heim|mitgenommen|gekauft|genommen) ~8 (schluss|ein ende|machs|mach es|mache es|benutzen|bei mir|an mir|fuer immer|still in meinem kopf)",
		"(schluss|ein ende|weg fuer immer|machs|mache es) ~8 (flinte|pistole|gewehr|waffe|knarre|revolver|schussapparat) ~4 (geladen|besorgt|geholt|heimgenommen|mit heim|mitgenommen|gekauft)",
		"(werd|werde|will) mich ~5 (aufhaengen|erhaengen|aufzuhaengen)",
		"(schlauch|schlaeuche) ~4 (fenster|auspuff)", "(motor laeuft|motor an|motor lauft) ~6 (schlauch|schlaeuche)", "garage ~8 (schlauch|schlaeuche)",
		"(vorgenommen|beschlossen|entschieden) ~6 (nicht mehr aufzuwachen|nicht mehr aufwachen)",
		"habe es wieder gemacht ~8 (arme|arm|beine|bein|messer|klinge|rasierklinge|oberschenkel)",
		"(klinge|klingen|rasierklinge|rasierklingen) ~3 wieder ~2 (geholt|rausgeholt|gekauft|ausgepackt)",
		"(benzin|spiritus) ~6 (verbrenne|verbrenn|anzuenden|anzuende|zuende) mich",
		"(schneide|schneid) (tief|tiefer) ~3 (heute|heute nacht|nicht wie sonst|diesmal)",
	}},
	{id: "r7-method", flags: fPlan, pats: []string{
		"(gelaender|bruestung) ~3 (niedrig|niedriger)", "(hoch|tief) genug $",
		"(den|einen) (ast|balken|haken) (gefunden|ausgesucht)",
	}},
	{id: "r7-method", flags: fPlan | fAlone, pats: []string{
		"(ich habe|habe ich|ich) ~2 (entschieden|beschlossen) $", "steht fest $", "(das ist|ist) endgueltig $",
	}},
	// Fitted batch 71.
	{id: "r7-method", flags: fPlan, pats: []string{
		"(ist|das ist|ist schon|es ist) (entschieden|beschlossen)", "(datum|plan) steht", "beschlossen ~2 es zu (tun|machen)",
		"(weiss|kenne) (jetzt|endlich|genau) (wie|wann|wo) $", "weiss (jetzt|endlich|genau) wann ich (gehe|es mache|es tue|sterbe)",
		"(mittel|tabletten|seil|strick) (sind|ist) (da|bereit|besorgt)", "(abschied|abschiedsnachricht) ~4 (an alle|rausgeschickt|verschickt)",
		"(balkon|dach|stock|bruecke|fenster) ~8 (lass|lasse) ich mich fallen", "(lass|lasse) ich mich ~4 (vom|von der|von dem) ~1 (balkon|dach|bruecke|fenster) fallen",
	}},
	{id: "r7-method", flags: fPlan | fBye, pats: []string{
		"jetzt (gehe|geh) ich (los|$)",
	}},
	{id: "r7-method", flags: fPlan, pats: []string{
		"(fast|beinahe) ~2 (gesprungen|drueber gestiegen|drueber geklettert|losgelassen|gemacht)",
	}},
	{id: "r7-method", pats: []string{
		"weiss [genau|jetzt] (wo und wie|wie und wo|wann und wie|wie und wann|wann und wo)",
		"(beende|beendige) ich (es|alles|mein leben)", "(dann|und dann|gleich|jetzt|heute nacht) (nehme|schlucke) ich (alles|alle|sie alle) $",
		"(alles|alle) (aus|von) (meiner|der|dem) (tasche|handtasche|schublade|schrank|hausapotheke) ~3 geschluckt",
		"(zwei|drei|#|ganze|ganzen) (streifen|packungen|blister|packung) ~2 " + deDrug7 + " ~2 (hinterher|dazu|drauf|obendrauf|genommen|geschluckt)",
	}},
	{id: "r7-method", flags: fPlan | fAlone, pats: []string{
		"(so|das) ist der plan $", "(zaun|gelaender|bruestung) ~3 (am niedrigsten|niedrigsten|am tiefsten)",
	}},
	{id: "r7-method", pats: []string{
		"(viel mehr|deutlich mehr|mehrfach|# mal mehr|x mal mehr) ~3 (als erlaubt|als verschrieben|als sonst|als vorgesehen) ~6 (mit absicht|absichtlich|kann nicht|dreht sich|weg|egal)",
	}},
	{id: "r7-method", pats: []string{
		"(hoer|hoere) ~2 auf zu atmen", "(ist|wird) ~2 schluss mit (allem|dem leben|mir|meinem leben)",
		"(ans meer|an den see|zum fluss|zum see|an den fluss) ~3 und (lauf|laufe|geh|gehe) ~2 (rein|hinein)",
		"warte ~3 auf den (ice|zug|gueterzug|schnellzug) (der|die) ~2 (durchfaehrt|nicht haelt|durchrauscht)",
		"(der|den) (haken|balken|ast) (haelt|traegt)",
		"(gezaehlt|gesammelt|aufgehoben) ~8 (laut internet|sind jetzt genug|jetzt genug|reicht das|das reicht dafuer)",
		"(tabletten|pillen) (sind|ist) (schon|jetzt|bereits) ~1 (i am mund|geschluckt|drin)",
		"(alle|ganze|ganzen) ~1 {pillword} vor mir (stehen|liegen)",
	}},
	{id: "r7-overdose", flags: fHarm, pats: []string{
		"(das|den|die) ganze (tuetchen|tuete|pack|packung|flasche|schachtel) ~3 (geht|gehen|kommt) ~3 (rein|heute)",
		"(zu viele|zu viel|zuviel) ~3 " + deDrug7 + " ~2 (genommen|geschluckt) ~8 (atmen|atme|luft|bewegen|herz|bewusstlos)",
	}},
	{id: "r7-self-harm", flags: fHarm, pats: []string{
		"habe (mir|mich) ~4 mit (dem|der|einer|einem|kochendem|heissem) ~1 (zirkel|zigarette|kippe|klinge|rasierklinge|messer|scherbe|feuerzeug|guertel|wasser|nadel|buegeleisen|gabel|schere) ~5 (arm|arme|handruecken|haut|bein|beine|oberschenkel|hand|bauch|geschlagen|gedrueckt|verbrannt|gemacht|geritzt|uebergossen|gestochen)",
		"(wieder|schon wieder) (die|zur) (klinge|rasierklinge)", "(neue|frische) (klingen|rasierklingen) ~2 (besorgt|gekauft|geholt)",
	}},
	{id: "r7-method", flags: fPlan | fBye, pats: []string{
		"(entschlossen|entschieden) ~2 zu gehen",
	}},
	{id: "r7-method", flags: fPlan | fMeans, pats: []string{
		"(bis dahin|dann) (bin ich|ich bin) (weg|tot|nicht mehr da)",
	}},
	{id: "r7-method", flags: fAlone, pats: []string{
		"(morgen|um die zeit|heute nacht|uebermorgen|naechste woche) ~4 (bin ich|ich bin) nicht mehr",
	}},
	// Round 8: the same in German.
	{id: "r8-taken-signs", flags: fPlan | fSign | fHarm, pats: []string{
		"(zu viel|zuviel|viel zu viel|zu viele|viel zu viele|extra viel|mehr als verschrieben|alle|alles|die ganze|den ganzen|das ganze|die haelfte|die restlichen|den rest|komplett) ~4 ({pillword}|{ket}|k|tropfen|spray|nasenspray|dosis|packung|flasche) ~4 ({dschluck}|gezogen|gesprueht|gegessen|leer gemacht|getrunken|gelutscht)",
		"({dschluck}|gezogen|gesprueht) ~3 (zu viel|zuviel|viel zu viel|zu viele|extra viel|mehr|alle|alles)",
		"({ket}|{pillword}|flasche|nasenspray) ~4 (komplett leer|leer gemacht|ganz leer)",
		"(flasche|wodka|schnaps|wein|bier|alkohol) ~4 (auf|mit|zu|und|dazu) ~3 ({ket}|{pillword}|dosis|k) ~3 (getrunken|genommen|geschluckt|gekippt)",
		"({ket}|{pillword}|dosis|k) ~4 (und|mit|plus|dazu) ~3 (flasche|wodka|schnaps|wein|bier|alkohol)",
	}},
	// Round 8 (fitted batches to 79 and 84): acts and preparations in
	// German word order and from non-native speakers ("nimm i de alle",
	// "will nehmen alle"), a tool on the body, a poison drunk, standing on
	// a bridge looking down, a dose that one does not come back from.
	{id: "r8-act", flags: fHarm, pats: []string{
		"(nimm|nehm|nehme|schluck|schlucke) (ich|i) ~2 (die|de|sie|des) alle ~1 (auf einmal|zusammen|heute|jetzt|gleich|$)",
		"(will|werde|moechte) (nehmen|schlucken|nehme) (alle|alles) ~1 ({pillword}|auf einmal|zusammen|$)",
		"(mit absicht|absichtlich|bewusst) ~4 (vor|gegen|in) (ein|einen|den|die|das) ~1 (auto|zug|lkw|bus|wand|baum|laster) ~2 (gelaufen|gesprungen|gefahren|gerannt|gelaufen)",
		"(getrunken|geschluckt|trink|trinke|gesoffen) ~4 ({poison}|rohrreiniger|entkalker|lampenoel|spiritus)", "({poison}|rohrreiniger|entkalker|lampenoel) ~4 (getrunken|geschluckt|gesoffen)",
		"(hau|haue|stech|steche|schlag|schlage|gestochen|gehauen|geschlagen) ~4 (mit dem|mit der|mit einem|mit einer) (messer|hammer|klinge|schere|nadel|feuerzeug|buegeleisen|loeffel) ~3 (auf|in|an) (die|den|das|meine|meinen|mein) ~1 (finger|hand|haende|oberarm|arm|arme|bein|beine|oberschenkel|bauch|kopf|knie|fuss|fuesse)",
		"(mit dem|mit der|mit einem|mit einer) (messer|klinge|schere|nadel) ~3 (in|auf) (den|die|das|meinen|meine|mein) ~1 (oberarm|arm|unterarm|bein|oberschenkel|bauch|hand) ~2 (gestochen|geschnitten|gerammt|geritzt)",
		"(heute|heute nacht|morgen|gleich|jetzt) (spring|springe) ich ~2 (runter|hinunter|herunter|vor den|vor die|von der|von dem|vom|$)",
		"(steh|stehe|sitze|sitz|bin) ~1 (grad|gerade|jetzt|hier|schon|grade) ~2 auf (der|dem) ~2 ({dplace}|bruecke|autobahnbruecke) ~6 (schau runter|schaue runter|guck runter|gucke runter|runter)",
		"(uebers|ueber das|ueber die) (gelaender|bruestung|absperrung) (geklettert|gestiegen)",
		"(dosis|so viel|soviel) ~8 (nicht mehr zurueckkommt|nicht mehr zurueckkomme|nicht wiederkommt|nicht wiederkomme|nicht mehr zurueck|nicht zurueckkommt)",
	}},
	{id: "r8-plan", flags: fPlan | fMeans, pats: []string{
		"(naechstes mal|beim naechsten mal) ~4 (richtig|tiefer)",
		"(mein plan ist|der plan ist|plan ist) ~4 ({pillword}|strick|seil|bruecke|zug|gleise|dach|messer|waffe|auto)",
		"(datum steht|der tag steht fest|alles ist geregelt|alles geregelt|es ist entschieden|ist entschieden)",
		"(den rest|der rest) (koennt|kannst|koennen) (ihr|du|sie) ~1 (euch|dir|sich) denken",
		"(perfekt|gute gelegenheit|guter zeitpunkt|passt perfekt) ~2 (um|es|zum) ~3 (durchzuziehen|durchziehen|zu tun|zu beenden|zu machen)",
		"(komm|komme) (nicht|nie) (an|mehr an)",
		"(mach|mache) ich nicht mehr weiter", "ich (mach|mache) nicht mehr weiter",
		"(fahr|fahre|geh|gehe|lauf|laufe) ~3 zu den (gleisen|schienen)",
	}},
	// Round 10: ein Vorrat eines Medikaments der Liste gehortet oder
	// gezählt, mit genug, heute Nacht oder auf einmal ("seit 2 wochen
	// horte ich mein tramadol, heute sind es genug"): eine Krise, die vor
	// der medizinischen Frage kommt.
	// Round 10 (review10s): der Tod als Zweck einer Handlung ("ich habe
	// mein lithium abgesetzt damit ich endlich sterben kann").
	{id: "r10-die-purpose", pats: []string{
		"(damit ich|dass ich|um) [endlich|einfach|schneller|bald] (sterben kann|sterbe|tot bin|nicht mehr aufwache|nie mehr aufwache|nicht mehr aufwachen muss|zu sterben) $",
	}},
	{id: "r10-hoard", flags: fHarm, pats: []string{
		"(horte|hort|horten|hortest|gehortet|sammle|sammel|sammele|gesammelt|spare|spar|gespart|aufgespart|bunker|bunkere|gebunkert|zaehl|zaehle|gezaehlt|abgezaehlt|zusammengespart|hamster|hamstere|gehamstert|beiseitegelegt) ~4 ({med9}|{pillword}) ~8 " + deEnough10,
		"({med9}|{pillword}) ~3 (gehortet|gesammelt|gebunkert|gezaehlt|abgezaehlt|zusammengespart|aufgespart|gehamstert|beiseite gelegt|beiseitegelegt|zurueckgelegt) ~8 " + deEnough10,
	}},
}

// deEnough10 is a hoarded supply said to be complete, at a clause end, or
// to be taken at once: "heute sind es genug", "reicht jetzt", "heute nacht
// nehm ich alle" (never "reicht das für den urlaub", "es reicht jetzt für
// einen monat", "und auf einmal war die packung leer").
const deEnough10 = `((sind es|es sind|ist es|sind es jetzt|sind jetzt) genug $|genug zusammen $|genug beisammen $|endlich genug $|jetzt genug $|reicht jetzt $|reicht es jetzt $|das reicht jetzt $|genug um ~2 (zu sterben|nicht mehr aufzuwachen|es zu beenden|einzuschlafen)|(nehm|nehme|nehmen|schluck|schlucke|schlucken|werf|werfe|einwerfen) ~3 (heute nacht|auf einmal|auf ex)|(heute nacht|alle auf einmal|auf einmal|auf ex) ~3 (nehm|nehme|nehmen|schluck|schlucke|schlucken|rein|einwerfen))`

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
	{id: "intent-change", flags: fStatement, pats: []string{
		"(ueberlege|will|werde|moechte|plane|denke daran|beschlossen|entschieden) ~4 ({drugname}|{medword}) ~3 (absetzen|abzusetzen|weglassen|wegzulassen|reduzieren|zu reduzieren|verdoppeln|zu verdoppeln|halbieren|wechseln|zu wechseln)",
		"ich (nehm|nehme) ~3 ({drugname}|{medword}) nicht mehr",
		"ich (nehm|nehme) ~2 (ab jetzt|ab morgen|ab heute|ab sofort|nur noch|einfach) ~3 ({drugname}|{medword}|dosis)",
		"ich (nehm|nehme) ~3 (doppelte|halbe|extra) ~2 [menge|dosis] ({drugname}|{medword}|dosis)",
		"ich (setze|setz|setzte) ~4 ({drugname}|{medword}) ~3 ab",
		"ich (lasse|lass|liess) ~4 ({drugname}|{medword}|dosis) ~2 weg",
		"ich (hoere|hoer|hor|hore) ~2 mit ~3 ({drugname}|{medword}) auf",
		"ich (verdopple|verdoppele|halbiere|reduziere|erhoehe|steigere) ~4 ({drugname}|{medword}|dosis)",
		"(nehm|nehme) ich ~3 (doppelte|halbe|mehr|weniger|zwei|drei|#) ~2 ({drugname}|{medword}|dosis)",
		"ich (will|werde|moechte) ~4 ({drugname}|{medword}) ~3 (absetzen|weglassen|reduzieren|verdoppeln|halbieren|wechseln)",
	}},
	{id: "vitals", pats: []string{
		"{vital} ~5 #", "{vital} ~4 (normal|hoch|niedrig|zu hoch|zu niedrig|schlimm|gefaehrlich|ok|okay)",
	}},
	{id: "opinion", pats: []string{
		"welche (staerke|dosis|dosierung|packung|groesse) ~4 ({medword}|{drugname}|soll|nehmen)",
		"({drugname}|{medword}|dosis|mg|#) ~8 (was meinen sie|was denken sie|klingt das|ist das richtig|stimmt das|ist das zu viel|ist das ok)",
	}},
	// Fitted batch 8: considering a change, taking one extra.
	{id: "extra-or-consider", flags: fStatement, pats: []string{
		"(ueberleg|ueberlege|ueberlegen|ueberlegt|ueberlegte|spiele mit dem gedanken|denk|denke) ~4 ({drugname}|{medword}) ~6 (absetzen|abzusetzen|weglassen|wegzulassen|reduzieren|zu reduzieren|verdoppeln|zu verdoppeln|halbieren|zu halbieren|wechseln|zu wechseln|aufzuhoeren)",
		"ich (nehm|nehme|nahm) ~4 ({drugname}|{medword}|tablette) (extra|zusaetzlich|mehr|obendrauf)",
		"ich (nehm|nehme|nahm) ~3 (eine|einen|ein) (extra|zusaetzliche|zusaetzlichen|weitere|weiteren|zweite|zweiten) ~1 ({drugname}|{medword}|tablette|dosis)",
	}},
	// Fitted batch 9: does it help with a condition.
	{id: "helps-with", pats: []string{
		"(hilft|wirkt|bringt) ({drugname}|{medword}|die behandlung|die therapie) ~3 (gegen|bei)",
	}},
	// Fitted batch 10: how long it works.
	{id: "duration", pats: []string{
		"wie lange (wirkt|haelt|dauert|bleibt) ~3 ({drugname}|{medword}|{treatment}|die wirkung|wirkung)",
	}},
	// Fitted batch 11: lab values.
	{id: "labs", pats: []string{
		"(nierenwerte|leberwerte|blutwerte|schilddruesenwerte|laborwerte|entzuendungswerte|zuckerwerte) ~4 (schlecht|erhoeht|zu hoch|zu niedrig|auffaellig|nicht gut|nicht ok)",
	}},
	// Fitted batch 12: alcohol or a drug beside a medicine.
	{id: "alcohol-with", pats: []string{
		"({subst}|trinken|trink|trinke) ~8 {drugname}", "{drugname} ~8 ({subst}|trinken|trink|trinke)",
	}},
	// Round 3, fitted batch 13 on: leaving out a medicine is a stated intent.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(lass|lasse|liess|lassen) ~6 ({drugname}|{medword}|dosis|medikament) ~4 weg",
		"(hoer|hoere|hoeren) ~4 mit ~2 ({drugname}|{medword}) auf", "(nehm|nehme|nimm) ~5 ({drugname}|{medword}) (nicht mehr|ab jetzt nicht|nie wieder)",
		"({drugname}|{medword}|dosis) ~3 (weglassen|weggelassen|auslassen|ausgelassen)",
	}},
	// Fitted batches 18 and 19.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(nur noch|nur mehr|bloss noch) (die halbe|die haelfte|halb so viel|eine halbe|halbe|die halbe dosis) ~2 ({pillword}|dosis) ~2 (zu nehmen|nehmen|nehme|nehm)",
		"(will|werde|moechte|plane|ueberlege) ~3 {drugname} ~3 (erhoehen|zu erhoehen|steigern|reduzieren|senken|verringern|absetzen|verdoppeln|halbieren|weglassen)",
	}},
	{id: "compose-question", pats: []string{
		"(stoert|beeinflusst|beeintraechtigt|schwaecht|veraendert) (das|es) ~2 (behandlung|therapie|wirkung|ketamine|sitzung|infusion)",
		"(ab wann|wann|wie schnell|wie lange bis) ~3 (wirkung|wirkt|wirken) ~3 ({drugname}|{ket})",
		"(was|wie) (haltet|halten|haeltst|findet|findest|finden) (ihr|sie|du) ~3 (dosis|menge|dosierung|{drugname})",
	}},
	// Fitted batch 20.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(stell|stelle) mich ~3 auf ~2 # mg ~1 um",
		"doppelt ~2 {drugname} ~2 genommen",
	}},
	{id: "compose-question", pats: []string{
		"(hilft|helfen|hilfe) ~4 (gegen|bei) ~3 {dsymptom}",
		"(ab wie viel|wie viel) (promille|alkohol|bier|wein)",
	}},
	// Fitted batch 21.
	{id: "compose-question", pats: []string{
		"(ist|sind) ({drugname}|{ket}|es|das) (schlecht|schaedlich|gefaehrlich) fuer (die|den|das|meine|meinen|mein) ~1 (blase|nieren|leber|herz|gehirn|zaehne|gedaechtnis)",
		"wie viele (sitzungen|infusionen|behandlungen|dosen) ~4 (wirkt|wirken|hilft|helfen)",
		"(bringt|hilft|wirkt) (eine|die) (hoehere|niedrigere|groessere|kleinere) dosis",
	}},
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(reduzier|reduziere|erhoeh|erhoehe|senk|senke|steiger|steigere) ~4 {drugname} ~3 auf ~1 # mg",
		"doppelt so viel ~2 {drugname}",
		"(hoeheres|groesseres|erhoehtes) risiko ~6 ({ket}|{drugname})",
		"(macht|machen) ({ket}|{drugname}) ~2 ({dcondition}|{dsymptom}|asthma) ~1 (schlimmer|besser|schlechter)",
	}},
	// Fitted batch 22.
	{id: "compose-question", pats: []string{
		"warten ~4 ({ket}|{drugname}|sitzung|infusion|behandlung)",
	}},
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(nehm|nehme) ~3 nur noch die (haelfte|halbe)",
	}},
	// Fitted batches 26 to 31: a medicine, a substance or a condition with
	// the treatment, in a sentence that asks; German questions without a
	// question word ("venlafaxin und spravato, geht das zusammen", "passt
	// das zum ketamin"), which carry their own question; stated changes
	// from their verbs ("ich lass das lithium aus", "halbier ab montag mein
	// venlafaxin", "steig von escitalopram auf sertralin um").
	{id: "with-treatment", pats: []string{
		"{dother} ~8 ({dmed}|{ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag|ketamintermin|ketaminsitzung|ketamine therapie|ketamine therapie|narkose)",
		"({ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag) ~8 {dother}",
		"({subst}|kiffe|kiff|joint|kater|energy drink|gras) ~8 ({ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag)",
		"({ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag) ~6 ({subst}|kiffe|kiff|joint|kater|energy drink)",
		"{dcond} ~8 ({ket}|sitzung|sitzungen|infusion|behandlung|therapie|termin|ausschluss|ausschlusskriterium)",
		"({ket}|sitzung|infusion|behandlung|therapie) ~8 {dcond}",
		"({ket}|lutschtablette|lutschtabletten) ~6 (teilen|halbieren|aufloesen|schlucken|runterschlucken|runtergeschluckt|lutschen|zerkauen|kauen|nase putzen|stattdessen|wirkstoff|nachweisbar|erhaltungsdosis|abstand)",
		"wie lange ~4 ({ket}|lutschtablette) ~3 (i am mund|lutschen|bleiben)",
		"(dosis|dosierung) ~4 (nach gewicht|gewicht|berechnet|reduzieren|senken|andere|gleich)",
		"({vital}|ruhepuls|leukozyten|triglyceridwert|triglyceride|cdt|eiweiss|qt|augeninnendruck|augendruck|ekg|spiegel) ~3 (hoch|erhoeht|verlaengert|zu hoch|zu niedrig|problem|ist #|bei #|von #|war #)",
		"# ~1 (zu|ueber) # (gemessen|blutdruck)",
		"(blase|blasenprobleme|sodbrennen|dissoziation|urintest|drogentest|drogentests) ~8 ({ket}|sitzung|infusion|behandlung|zusammenhaengen|vom)",
		"(gewoehnt|gewoehnen) sich ~3 (koerper|man) ~3 ({ket}|daran|dran)",
		"(wirkt|wirken|haelt) ~3 ({ket}|das|es) ~4 (nicht mehr|nach # tagen|laenger)",
		"(krieg|kriege|bekomme|bekomm) ich ~2 (ein|das) (rezept|verschreibung) ~3 ({ket}|lutschtabletten|nasenspray)",
		"(darf|duerfen|kann|koennen) (man|leute|patienten) mit ~4 ({ket}|infusion|sitzung|behandlung|bekommen)",
	}},
	{id: "asks-inline", flags: fStatement, pats: []string{
		"({dmed}|{ket}|{subst}|kiffe|tabletten|medikament|medikamente|medis|pille|blutdruckmittel) ~8 (geht|passt|klappt) (das|des|es) ~2 (zusammen|mit|zum|zur|trotzdem|bei mir|$)",
		"(geht|passt) (das|es|des) ~3 (mit|zu|zum|zur) ~2 ({dmed}|{ket}|{subst})",
		"(geht|passt|vertraegt sich) ({ket}|ketamine) ~3 (dann noch|noch|trotzdem|bei mir|mit)",
		"({dmed}|{ket}|{subst}|dosis) ~8 (was haltet ihr davon|was meint ihr|was sagt ihr dazu|was sagt ihr|oder lieber|oder nicht|oder ist das egal|oder ist egal|oder is egal|ist doch ok oder|hat das einfluss|hat das einen einfluss|aendert das was|aendert sich da was|kommt das vom|kommt das von|muss das team|is es schlimm|is ok|ist das gegen|passt schon oder)",
		"({dcond}|{vital}|ruhepuls|ekg|tsh|wert) ~8 (geht das|aendert das was|aendert das etwas|spielt das|ist das gegen|ein ausschluss|darf ich trotzdem|geht ketamine)",
		"(kann|darf|soll|muss) ich ~6 ({dmed}|{ket}) ~4 (nehmen|weglassen|absetzen|pausieren|aussetzen|einnehmen|reinpfeifen|trinken)",
		"(schwanger|schwangerschaft) ~6 (sitzungen|sitzung|behandlung|ketamine) ~2 (stoppen|abbrechen|aussetzen)",
	}},
	{id: "change-v2", flags: fStatement, pats: []string{
		"(nehm|nehme) ~4 (doppelt|doppelte|die doppelte|extra|zusaetzlich|ne halbe extra|eine halbe extra|stattdessen mehr) ~2 ({dmed}|{ket}|tablette|troche|dosis)",
		"(lass|lasse) ~4 ({dmed}|{ket}|dosis) ~3 (aus|weg)",
		"(steig|steige|stell|stelle|wechsel|wechsle) ~3 von ~2 {dmed} ~3 auf ~2 {dmed}",
		"({dmed}|tabletten|medikamente|medis|pille|pillen|antidepressiva|antidepressivum|blutdrucktabletten) (nehm|nehme) ich ~4 (nicht|nicht mehr|nie mehr)",
		"(verdoppel|verdopple|verdoppele|halbier|halbiere|reduzier|reduziere|erhoeh|erhoehe) ~3 ({dmed}|{ket}|dosis|dosierung|tablette|lutschtablette)",
		"({dmed}|antidepressiva|antidepressivum|tabletten|medikamente|medis) ~4 (nicht mehr|nicht) genommen",
		"{dmed} ~6 von # auf # ~2 (reduziert|erhoeht|runtergesetzt|hochgesetzt|gesenkt|gesteigert|runtersetzen|hochsetzen|reduzieren)",
		"(will|werde|werd|moechte|wuerde gern|wuerde) ~6 ({dmed}|dosis) ~3 (absetzen|weglassen|reduzieren|verdoppeln|halbieren|wechseln|erhoehen|runtersetzen|hochsetzen|ausschleichen|pausieren|senken)",
		"(vor|vorhabe|plane|beschlossen|entschieden|ueberleg|ueberlege) ~6 (*dosis|dosis|{dmed}|tabletten|medikamente|infusionen) ~4 (zu senken|zu reduzieren|zu erhoehen|zu verdoppeln|zu halbieren|hochzusetzen|runterzusetzen|wegzulassen|abzusetzen|zu ersetzen)",
		"(hochzusetzen|hochsetzen|runterzusetzen|runtersetzen) ~4 ({ket}|sitzung|infusion)",
		"{dmed} ~4 (hochzusetzen|runterzusetzen|hochsetzen|runtersetzen)",
		"(setz|setze) ~2 alles ~3 ab",
		"(nehm|nehme) ~3 (kein|keine|keinen) ({dmed}|antidepressivum|antidepressiva|tabletten|medikamente|medis) mehr",
		"ab (morgen|heute|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|jetzt|sofort) nur noch #",
		"{dmed} ~3 (ab jetzt|ab morgen|ab heute|ab sofort) ~3 (statt|anstatt|nur noch|abends|morgens)",
		"{dmed} ~8 (lass|lasse) (es|das|sie|ihn|die) ~3 (weg|aus|ganz weg)",
		"{dmed} ~8 (hoer|hoere) ~3 (ganz|komplett|einfach) auf",
		"habe (gestern|vorgestern|heute|letzte woche|diese woche|am wochenende|eigenmaechtig|einfach|selbst|selber) ~4 {dmed} ~2 (abgesetzt|weggelassen|ausgelassen|halbiert|verdoppelt|reduziert)",
		"habe ~4 {dmed} ~2 (eigenmaechtig|einfach|selbst|selber) (abgesetzt|weggelassen|ausgelassen|halbiert|verdoppelt|reduziert)",
		"{dmed} ~6 (nehm|nehme) ich ~4 (am sitzungstag|vor der sitzung|nach der sitzung|heute abend|wie immer)",
		"(setz|setze) ~4 {dmed} ~2 ab",
	}},
	// Fitted batches 35 to 43.
	{id: "with-treatment", pats: []string{
		"({subst}|kiffe|kiff|joint|kater|energy drink|gras) ~8 ~4 ({ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag)",
		"{dother} ~8 ~4 ({ket}|ketaminkur|ketaminzeit|ketamintherapie|kur|ein problem|gefaehrlich|schlimm|in ordnung|erlaubt|gute idee|zu viel|zu hoch|zu stark)",
		"({ket}|ketaminkur|ketaminzeit|ketamintherapie|sitzung|infusion|behandlung|therapie) ~8 ~4 {dother}",
		"({dcond}|corona|grippe|covid|blasenentzuendung|infekt|fieber|zahn|antibiotika|{dmed}) ~8 trotzdem ~3 (zur|zum|in die|mit zur) (sitzung|infusion|spray|behandlung|termin|praxis)",
		"{dvital} ~4 (#|hoch|grenzwertig|niedrig|erhoeht|zu hoch|zu niedrig)",
		"wie (wirkt|wirken|vertraegt sich|vertragen sich) ({ket}|ketamine|{dmed}) (mit|und|zusammen mit)",
	}},
	{id: "asks-inline", flags: fStatement, pats: []string{
		"(schwaecht|hebt|veraendert|verstaerkt|beeinflusst|aendert|stoert) (das|es|des) ~4 (wirkung|ketamine|{ket}|behandlung|therapie|was|auf|ab)",
		"(wieviel|wie viel|wieviele|wie viele) (mg|milligramm|ml) ~6 ({ket}|{dmed}|drin|sind)",
		"{dmed} ~8 ~4 (geht|passt|klappt) (das|des|es) ~2 (zusammen|mit|zum|zur|trotzdem|bei mir|$)",
		"(kann|darf|soll|muss) ich ~6 ({dmed}|{ket}) ~4 (skippen|auslassen|aussetzen|ueberspringen)",
	}},
	{id: "change-v2", flags: fStatement, pats: []string{
		"(werd|werde|will) ~4 {dmed} ~4 (nicht mehr|nicht mehr) (nehmen|einnehmen)",
		"(kein|keine|keinen) {dmed} mehr (zu nehmen|nehmen)",
		"(dosis|dosierung) ~2 von # auf #",
		"(will|werde|werd|moechte) [lieber] # (nehmen|einnehmen)",
		"(teil|teile|halbier|halbiere) ~3 {dmed}",
		"seit ~3 (nehm|nehme) ich (#|mehr|weniger|das doppelte|die doppelte)",
		"habe seit ~3 {dmed} ~2 (abgesetzt|weggelassen|ausgelassen|halbiert|verdoppelt|reduziert)",
		"dass ich ~3 {dmed} ~2 (abgesetzt|weggelassen|reduziert|halbiert|verdoppelt)",
		"(vor|vorhabe|plane) ~6 (dosis|{dmed}) ~4 (runterzufahren|runterfahren|hochzufahren|hochfahren)",
		"(moechte|will|werde) ~6 (antidepressivum|antidepressiva|medikament|medikamente|tabletten|dosis|{dmed}) ~5 (reduzieren|absetzen|halbieren|verdoppeln|erhoehen|weglassen)",
		"(statt|anstatt) ~2 # ~1 ({ket}|tabletten|{dmed}) ~3 (nur|lieber) (eine|einen|#|die haelfte)",
		"(will|moechte|werde) ~2 (lieber|nur) ~3 (mit #|# mg) ~2 (anfangen|starten|beginnen|nehmen)",
	}},
	// Round 6 (fitted batches 26-43, 56, 57, 59; 58, 60, 63, 64 checked
	// before): a named medicine anywhere in a German question, not only
	// next to a verb of taking ("hab tavor 2,5 in der tasche, darf ich die
	// während der sitzung nehmen"); a vital sign with its number further
	// off; stopping, halving or pausing told without "ich" first.
	{id: "r6-named", pats: []string{
		"(darf|kann|soll|sollte|muss|koennte) (ich|man) ~8 ({dmed}|{dother}|{dmedr6})",
		"({dmed}|{dother}|{dmedr6}) ~8 (darf|kann|soll|sollte|muss) (ich|man)",
		"({dmed}|{dother}|{dmedr6}) ~8 (ok|okay|in ordnung|ein problem|probleme|einfluss|schlimm|zu viel|zu hoch|gute idee|sinnvoll|stoert|schadet|gilt das|geht das|passt das)",
		"(haltet ihr|haeltst du|haelst du|meinst du|meint ihr|findest du|findet ihr) ~6 ({dmed}|{dother}|{dmedr6}|dosis|mg)",
		"({dmed}|{dother}|{dmedr6}|dosis|mg) ~8 (haltet ihr|haeltst du|haelst du|meinst du|meint ihr|findest du|findet ihr|was meinen sie)",
	}},
	{id: "r6-vitals", pats: []string{
		"({vital}|{dvital}|ruhepuls|herzschlag) ~8 #", "# ~2 gemessen", "gemessen ~3 #",
	}},
	{id: "r6-change", flags: fStatement, pats: []string{
		"(setz|setze) ~4 ({dmed}|{dother}|{dmedr6}|{medword}) ~3 ab",
		"({dmed}|{dother}|{dmedr6}) (setz|setze) ich ~3 ab",
		"({dmed}|{dother}|{dmedr6}) ~8 (hoer|hoere) ~3 auf $",
		"(nehm|nehme) ich ~3 (nur noch|ab jetzt|ab heute|ab morgen|nicht mehr|jetzt nur noch)",
		"({dmed}|{dother}|{dmedr6}|{medword}|einnahme|dosis) ~5 (gestoppt|zu stoppen|stoppen|stoppe|halbieren|zu halbieren|halbiert|pausiere|pausieren|zu pausieren)",
	}},
	// Round 8 (fitted batches up to 79): slots for German medical
	// questions and stated changes. A medicine (by name, class or ending,
	// {dmed8}) or a condition with a question verb, with the treatment or
	// with a change verb; a lab value or vital sign with a number; stated
	// intents in German word order ("ich setz das pregabalin vor der
	// sitzung ab", "die blutdrucktablette lass ich am morgen weg").
	{id: "r8-asks", pats: []string{
		"(darf|kann|soll|sollte|muss|duerfen|koennen|muessen|derf|doerf|koennte|darfst|kannst) (ich|man|i|wir|er|sie) ~8 ({dmed8}|{medword}|{ket}) ~6 (nehmen|einnehmen|weiternehmen|weiter nehmen|weglassen|absetzen|pausieren|kombinieren|trinken|teilen|zerdruecken|lutschen|schlucken|neh|nehma|weglah|spruehen|erhoehen|reduzieren|verdoppeln|halbieren|mischen)",
		"{dother8} ~8 (darf|kann|soll|sollte|muss|derf|doerf) (ich|man|i|er|sie)",
		"{dother8} ~8 ({ket}|sitzung|sitzungen|infusion|infusionen|behandlung|therapie|termin|sitzungstag|behandlungstag|*sitzung|*therapie|*behandlung|*infusion|*termin)",
		"({ket}|sitzung|infusion|behandlung|therapie|termin|sitzungstag|behandlungstag|*sitzung|*therapie|*behandlung) ~8 {dother8}",
		"{dother8} ~8 (nehmen|einnehmen|weiternehmen|weglassen|absetzen|pausieren|kombinieren|zusammen|vertraegt|vertragen|wechselwirkung*|beachten|problem|schlimm|gefaehrlich|zu viel|zu hoch|zu wenig|teilen|zerdruecken)",
		"(nehm|nehme|nimm|nimmt|spritze|spritz|kleb|klebe|krieg|kriege|bekomme|bekomm) (ich|er|sie) ~4 ({dmed8}|{medword}) ~6 (vorher|nachher|danach|davor|oder|trotzdem|weiter|einfach|dann)",
	}},
	{id: "r8-condition", pats: []string{
		"({dcond}|schwanger*|stille|stillen|stillende|stillend|abpumpen|wechseljahre*|schlafapnoe|blutarmut|hepatitis|nierenerkrankung|nierenfunktion|allergie|*allergie|zahn op|betaeubung|impfung|auffrischung|op|operation) ~8 (darf|kann|soll|sollte|muss|geht|trotzdem|weitermachen|weiter machen|problem|beachten|risiko|schlimm|gefaehrlich|wie lange|wegschuetten|ein kind)",
		"(darf|kann|soll|sollte|muss|geht|trotzdem|weitermachen|problem|beachten|risiko) ~8 ({dcond}|schwanger*|stille|stillen|abpumpen|schlafapnoe|blutarmut|nierenerkrankung)",
	}},
	{id: "r8-values", pats: []string{
		"({vital}|{dvital}|*spiegel|*wert|*werte|*werten|leukos|hb|rr|nuechternzucker|natrium|kalium|egfr|sauerstoff|blutbild) ~5 # ~8 (ok|okay|normal|zu hoch|zu niedrig|zu tief|problem|schlimm|gefaehrlich|relevant|wichtig|darf|kann|soll|muss|reicht|trotzdem|anpassen|geht)",
		"# zu # ~8 (ok|okay|normal|zu hoch|zu niedrig|zu tief|problem|schlimm|gefaehrlich|darf|kann|soll|muss|trotzdem|geht)",
	}},
	// Fitted batch 80: questions that carry their own question without a
	// question word ("muss das weg", "kommt das vom ketamin").
	{id: "r8-asks-inline", flags: fStatement, pats: []string{
		"muss (das|es|der|die|des|ich das|man das) ~4 (weg|angepasst|ausgeglichen|abgesetzt|pausiert|reduziert|geaendert|umgestellt|weggelassen)",
		"kommt (das|es|des|der|die) ~2 (vom|von|von der|von den|von dem|durch das|durch die) ~2 ({ket}|ketamine|{dmed8}|sitzung|sitzungen|behandlung|infusion|infusionen|spray|nasenspray)",
		"(kommt|kommen|vertraegt) ~3 mit ~2 ({ket}|ketamine|{dmed8}) (klar|zurecht)",
		"(bekommt|kriegt|bekommen|kriegen) man (von|vom|durch) ~2 ({ket}|ketamine|{dmed8})",
		"({ket}|ketamine|{dmed8}) ~5 (schlimmer|schlechter) (machen|werden|wird|macht)",
		"(bin ich|ist das|ist es|waere ich|bin ich zu) ~2 zu (blutarm|schwach|alt|jung|leicht|schwer|duenn|krank) (fuer|fur) ~2 ({ket}|ketamine|sitzung|behandlung|therapie|infusion|dosis)",
		"(soll|kann|darf|sollte) ich (zwei|drei|vier|#|eine halbe|die haelfte|doppelt|beide|nur eine|nur einen|nur halb) ~2 ({ket}|{medword}|{dmed8}|von den|davon|hub|hube|spruehstoesse|stoesse|mg) ~3 (nehmen|einnehmen|lutschen|schlucken|spruehen)",
		"was (kann|soll|sollte) (man|ich) ~4 (dagegen|da am besten|am besten) ~2 (nehmen|einnehmen|machen|tun)",
		"({dmed8}|dosis) ~8 (auf|von) # ~6 (viel|zu viel|zu hoch|zu wenig|zu schnell|bisschen viel|ok|okay|normal|sinnvoll)",
	}},
	{id: "r8-intent", flags: fStatement, pats: []string{
		"(eigenmaechtig|selbst|selber|einfach|auf eigene faust) ~5 auf # ~2 (hochgesetzt|runtergesetzt|runtergeschraubt|hochgeschraubt|erhoeht|reduziert|gesenkt|gesteigert|gegangen)",
		"(aus versehen|versehentlich|ausversehen) ~6 (zwei mal|zweimal|doppelt|zu viel|2 mal|zwei|die doppelte) ~4 (genommen|geschluckt|eingenommen|gesprueht)",
	}},
	{id: "r8-intent", flags: fStatement, pats: []string{
		"(setz|setze|setzte|schleich|schleiche) ~8 ({dmed8}|{medword}) ~8 (ab|aus) ($|damit|weil|wegen|denn|da|bis|und|nur|ab|wenn)",
		"(lass|lasse|liess) ~8 ({dmed8}|{medword}) ~8 weg",
		"({dmed8}|{medword}) (lass|lasse) ich ~8 weg",
		"(nehm|nehme) [ich] ~6 ({dmed8}|{medword}) ~6 (nicht mehr|nie mehr|nicht) $",
		"(will|werde|werd|moechte|plane|wott|wui|wue|wuell|mag) ~6 ({dmed8}|{medword}|antidepressiv*) ~6 (absetzen|absetzn|absetze|weglassen|weglossn|weglossen|wegzulassen|reduzieren|ausschleichen|auszuschleichen|halbieren|verdoppeln|doppelt nehmen|pausieren|runtersetzen|absetzen)",
		"(setz|setze) ~6 {dmed8} ~4 (auf #|runter|hoch|rauf)",
		"(nehm|nehme) ~6 (zwei|drei|vier|doppelt|#) {dmed8} statt",
		"(beschlossen|entschieden|vorgenommen) ~8 (doppelte|doppelt|halbe|alte|hoehere|niedrigere) (dosis|menge) ~4 (zu nehmen|nehmen|zu gehen)",
		"(seit|schon) ~4 (kein|keine|keinen) {dmed8} mehr ~2 (genommen|nehm|nehme)",
		"(will|werde|moechte) ~4 (doppelt|die doppelte|halb|die halbe) ~2 (nehmen|einnehmen)",
	}},
	// Round 9: a question that takes up a medicine named just before
	// ("hab von der hausaerztin ein antibiotikum. muss ich die sitzung
	// verschieben?").
	{id: "r9-asks-after", flags: fPrevMed, pats: []string{
		"(macht|spielt|aendert|stoert|beeinflusst|beeintraechtigt|schwaecht) (das|es|des|die|der|dies) ~3 (was|etwas|eine rolle|einen unterschied|probleme|ein problem|die wirkung|die sitzung|die behandlung|das ketamine)",
		"(muss|soll|sollte|darf) ich ~4 (warten|pausieren|absetzen|weglassen|verschieben|aufhoeren|absagen|weiternehmen|weiter nehmen)",
		"(ist|waere|is|wird) (das|es|des) ~4 (ok|okay|sicher|in ordnung|ein problem|problematisch|gefaehrlich|schlimm)",
		"(hat|haette) (das|es|des|dies) ~3 (einfluss|auswirkung|auswirkungen|folgen)",
		"(wuerde|wird|koennte|kann) (das|es|des) ~3 (unwirksam|schwaecher|staerker|wirkungslos|abschwaechen|blockieren)",
		"(kann|darf|soll) ich ~6 (noch eine|noch einen|eine|einen|zwei|die|den) (nehmen|einnehmen)",
	}},
	// Fitted batches 93 to 98: a medicine with a question carried by its
	// form ("domperidon vorher, ja oder nein", "aimovig einmal im monat,
	// passt das"), a stop or a halving told in German word order, asking
	// for something to take, follow-up questions ("und mit tavor?").
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		"({dmed8}|{medword}) ~8 (ja oder nein|ok oder nicht|okay oder nicht|oder nicht|weiter oder pause|weiter oder nicht|oder pausieren|oder weglassen|oder lieber nicht|oder lieber was anderes)",
		"(geht|passt|vertraegt sich|vertragen sich) {dmed8} (mit|und|zusammen mit) ~3 ({ket}|ketamine|sitzung|behandlung|infusion)",
		"{dmed8} ~6 (und|mit|plus) ~2 ({ket}|ketamine) ~4 (macht|gibt|verursacht) (das|es|des)",
		"was hilft (da|dagegen|denn da|denn dagegen|am besten dagegen) $",
		"was hilft (denn|am besten|da) ~1 (gegen|bei) ~3 {dsymptom}",
		"(soll|derf|darf|kann) i ~2 (wos|was|des|eppes) (nehma|nehmen|nemma)",
	}},
	{id: "r9-asks", pats: []string{
		"{dmed8} ~8 (ok|okay|in ordnung|ein problem|probleme|schlimm|gefaehrlich|sicher|erlaubt)",
		"{dmed8} ~8 (passt|geht|vertraegt sich|stoert|klappt) (das|des)",
		"(darf|kann|soll|sollte) ich ~2 (was|etwas|irgendwas) ~1 (nehmen|einnehmen|dagegen nehmen)",
		"gibt es ~3 (was|etwas) ~3 (nehmen|einnehmen)",
		"(was ist mit|wie ist es mit|gilt das auch fuer|und bei|und mit|auch mit|und mein|und meine|und meinem|und meinen) ~2 ({dmed8}|{medword}) $",
	}},
	{id: "r9-intent", flags: fStatement, pats: []string{
		"(ab heute|ab morgen|ab jetzt|ab sofort|seit gestern|seit heute) (kein|keine|keinen) ~2 {dmed8} mehr",
		"# statt # ~2 {dmed8}", "{dmed8} ~3 # statt #",
		"{dmed8} ~4 (ab jetzt|ab heute|ab morgen|ab sofort) (nur noch|nicht mehr|kein|keine)",
		"(nur noch|bloss noch) (jeden|alle) (zweiten|#|anderen) tag",
		"{dmed8} ~4 (ab heute|ab gestern|seit gestern|seit heute|seit montag|seit sonntag|einfach|selbst|selber|eigenmaechtig) (weggelassen|abgesetzt|pausiert|halbiert|verdoppelt|reduziert)",
		"habe ~2 (gestern|vorgestern|heute|letzte woche|diese woche|einfach|selbst|selber|eigenmaechtig|am montag|am dienstag|am mittwoch|am donnerstag|am freitag|am samstag|am sonntag|am wochenende) ~4 ({dmed8}|{medword}) ~2 (abgesetzt|weggelassen|halbiert|verdoppelt|pausiert)",
		"habe ~4 ({dmed8}|{medword}) (gestern|vorgestern|heute|am montag|am dienstag|am mittwoch|am donnerstag|am freitag|am samstag|am sonntag|am wochenende|letzte woche|diese woche) (abgesetzt|weggelassen|halbiert|verdoppelt|pausiert)",
		"({dmed8}|{medword}) ~4 von (meiner|meinem) (schwester|bruder|mutter|vater|frau|mann|freundin|freund|partnerin|partner|mitbewohner|mitbewohnerin|oma|opa|kollegin|kollege) ~3 (zu nehmen|nehmen|nehme|nehm|probieren)",
		"(halbier|halbiere|verdoppel|verdopple|reduzier|reduziere|erhoeh|erhoehe|streich|streiche|pausier|pausiere) ~6 {dmed8}",
		"(strecke|streck|strecken) ~2 (das rezept|die tabletten|die packung|meine tabletten|die medikamente)",
	}},
	// Fitted batch 99 (after its first run).
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		"{dmed8} ~8 (auslassen|weglassen|absetzen|pausieren|weiternehmen|weiter nehmen|nehmen|spritzen|aussetzen) oder ~3 (normal|weiter|spritzen|nehmen|verschieben|weiternehmen|weglassen)",
		"{dmed8} ~8 (halbe oder ganze|reicht das|spricht was dagegen|spricht etwas dagegen|kollidiert|macht das was)",
		"{dmed8} (setz|setze|lass|lasse) ich ~6 (ab|weg)",
		"(mit der dosis|die dosis) ~2 (selber|selbst|eigenmaechtig|einfach) (runter|hoch|rauf)",
	}},
	{id: "r9-asks", pats: []string{
		"{dmed8} ~8 (auch|trotzdem|weiter|einfach) ~4 (nehmen|weiternehmen|spritzen|einnehmen)",
		"(wirkt|wirken) ~2 {dmed8} ~2 (noch|trotzdem)",
	}},
	{id: "r9-asks-after", flags: fPrevMed, pats: []string{
		"(kann|darf|soll) ich ~4 trotzdem",
	}},
	// Round 9: staying on a changed dose, a change told medicine first.
	{id: "r9-intent", flags: fStatement, pats: []string{
		"(bleib|bleibe) ~3 bei (der|den|dem|meiner|meinen|meinem) (halben|doppelten|hoeheren|niedrigeren|alten|neuen|halbe|doppelte) ~2 ({dmed8}|{medword}|dosis)",
		"{dmed8} ~2 (halbiere|halbier|verdopple|verdoppel|verdoppele|reduziere|reduzier|erhoehe|erhoeh|steigere|steiger|pausiere|pausier|streiche|streich) ich",
	}},
	// Round 10 (ids r10-*, soft; fitted batches 93 to 102): eine Frage, die
	// ihre Form trägt, nach einem Medikament im selben Satz oder den zwei
	// davor ("findet ihr das sinnvoll", "wäre das ein problem", "passt das
	// zur behandlung", "verschieben?"), auch ohne Fragezeichen; "ist das
	// normal / schlimm" nach einer Sitzung; kurze Nachfragen ("und
	// Marcumar?"); ein Medikament nicht mehr abgeholt.
	{id: "r10-asks-after", flags: fPrevMed | fStatement, pats: []string{
		"(finden sie|findet ihr|findest du|faenden sie|haltet ihr|halten sie) (das|es|des|dies) ~2 (richtig|sinnvoll|ok|okay|gut|in ordnung|vernuenftig|klug|fuer sinnvoll|fuer richtig|fuer ok)",
		"(ist|waere|is|wird) (das|es|des) ~2 (zu knapp|zu frueh|zu spaet|zu eng|zu viel|ein problem|problematisch|schlimm|gefaehrlich|bedenklich|riskant|ok|okay|in ordnung) $",
		"(passt|geht|vertraegt sich) (das|des|es|dies) ~3 (zur|zu der|mit der|zu meiner|mit meiner|mit) ~2 (behandlung|sitzung|therapie|ketamintherapie|infusion|ketamine|{ket})",
		"oder (langsam|lieber langsam|schrittweise|ausschleichend|langsam wieder|lieber schrittweise) $",
		"(muss|soll|sollte) ich (das|es|die|den|sie|ihn) ~3 (weglassen|absetzen|pausieren|verschieben|aussetzen)",
	}},
	{id: "r10-asks-inline", flags: fStatement, pats: []string{
		"({dmed8}|{medword}) ~8 zusammen mit ~3 ({dmed8}|{medword}) ~2 (ok|okay|in ordnung|moeglich|erlaubt|$)",
		"(danach|nach der sitzung|nach der infusion|nach der behandlung|seit der sitzung|seit der infusion|tage danach|tag danach|nach dem ketamine) ~8 ~4 (normal oder|ist das normal|ist das schlimm|schlimm oder|bedenklich oder|ist das bedenklich)",
		"soll ich (nochmal|noch mal|erneut|nochmals) (spruehen|nehmen|einnehmen|spritzen|spruehen|spruehen)",
		"({dvital}|blutdruck|puls|blutzucker|zucker|sauerstoff|sattigung|saettigung|temperatur|fieber|wert|werte|blutwerte|laborwerte) ~6 # ~8 was (heisst|bedeutet) (das|des) ~2 (fuer mich|fuer die sitzung|fuer die behandlung|jetzt|$)",
		"(beeinflusst|beeintraechtigt|stoert|schwaecht|verstaerkt|hemmt|blockiert|veraendert) ({ket}|ketamine|die sitzung|die behandlung|die infusion) (das|den|die|meine|meinen|mein) ~2 ({dmed8}|{medword}|wirkung|adrenalin|insulin|spiegel|{dvital})",
		"oder ist (das|es|des) ~2 (gefaehrlich|riskant|bedenklich|schaedlich) (fuer|fuers|fuer das|fuer mein|fuer meine)",
		"(den|die|das|meine|meinen|mein) ~2 ({dmed8}|stimmungsstabilisierer|antidepressivum|medikament|medikamente|tabletten) (hol|hole) ich ~4 nicht mehr ab",
	}},
	{id: "r10-asks", pats: []string{
		"(und das|und der|und die|und mit|und mit dem|und mit der|und was ist mit|und wie ist es mit) ({dmed8}|{medword}) $",
	}},
	// A change asked as one word after a medicine ("nebido spritze ist
	// nächste woche fällig, genau am sitzungstag. verschieben?"): only as a
	// question.
	{id: "r10-asks-after", flags: fPrevMed, pats: []string{
		"(verschieben|aufschieben|vorziehen|weglassen|pausieren|absetzen) $",
	}},
	{id: "r10-asks-after", flags: fPrevMed | fStatement, pats: []string{
		"(was meint ihr|was meinet ihr|was meinen sie|was sagt ihr|was sagts ihr|was sagt ihr dazu|was sagen sie dazu|passt des|passt das|is des bloed|ist das bloed|was mach i jetzt|was mach ich jetzt|was soll ich jetzt machen|was jetzt|spricht was dagegen|spricht etwas dagegen|macht sinn oder|macht das sinn|geht das|is des ok|ist das ok|ist das richtig|is richtig|ist richtig|so der plan) $",
		"(tabletten|tablette|loesung|tropfen|saft|spray|pflaster|kapseln) oder [als|die|das] ~2 (tabletten|tablette|loesung|tropfen|saft|spray|pflaster|kapseln) ~4 was ist besser",
	}},
	// Round 10: eine Dosis selbst verschoben, verändert oder wieder
	// begonnen, als Aussage ("ich nehm die lutschtablette eine stunde
	// früher als geplant", "ich fang morgen wieder mit dem elontril an",
	// "dann nehm ich heut halt zwei von meinem mann").
	{id: "r10-intent", flags: fStatement, pats: []string{
		"({dmed8}|{medword}|{ket}|lutschtablette|lutschtabletten|lutschtablettn) ~4 (etwas|eine stunde|a stund|ne stunde|# stunden|halbe stunde|bisschen|viel|total) (frueher|spaeter|frueh|spaet)",
		"(fang|fange|beginn|beginne) ~3 [wieder|erneut] mit (dem|der|den|meinem|meiner|meinen) ~2 ({dmed8}|{medword}) an",
		"(fang|fange) ~2 mit (einer|einem|einer halben|der halben|#|einer lutschtablette) an",
		"(nehm|nehme|nimm|nimme) ~3 (zwei|eine|einen|#|paar) von (meinem|meiner|mei|meim) (mann|frau|partner|partnerin|freund|freundin|schwester|bruder|mutter|vater|oma|opa) [heute|morgen] ($|statt|stattdessen|tabletten|tablette|pillen|weil|ihre|seine|ihren|seinen)",
		"(hoer|hoere|hor) ~2 mit ~2 ({dmed8}|{medword}) (auf|uf)",
		"(kein|keine|keinen) ({dmed8}|{medword}) mehr ~4 (beschlossen|entschieden|reicht mir|ab heute|ab jetzt|ab morgen)",
		"(beschlossen|entschieden) ~2 (kein|keine|keinen) ({dmed8}|{medword}) mehr",
		"(tauschen|wechseln|umsteigen) ~3 (so der plan|ist ja dasselbe|ist das gleiche|ist doch dasselbe)",
		"(ueberleg|ueberlege) ~4 ({dmed8}|{medword}) ~4 (zu tauschen|zu wechseln|abzusetzen|wegzulassen|zu halbieren|zu verdoppeln)",
	}},
	// Fitted batch 106 (after its forward check): Essen, Trinken, Rauchen
	// und nüchtern sein vor der Sitzung, eine Impfung zu knapp davor, das
	// Medikament eines anderen ("er nimmt ramipril, soll er das an dem
	// morgen weglassen").
	{id: "r10-asks", flags: fStatement, pats: []string{
		"(darf|kann|derf|soll|muss|chan|kann ick) (ich|i|ick) ~4 (essen|trinken|rauchen|was essen|eine kleinigkeit essen|was kleines essen) ~4 (oder|vorher|davor|danach|vor der sitzung|nach der sitzung|$)",
		"(darf|kann|derf|chan) (ich|i|ick) (vorher|davor|danach|nach der sitzung|vor der sitzung) ~4 (essen|trinken|rauchen|jause|kaffee|tee)",
		"(nuechtern|fasten) ~6 (muss das|oder muss|oder darf|muss ich|darf ich|oder muass|muass i)",
		"(kaffee|koffein|tee|gruentee|entkoffeinierter kaffee|energy drink|kippe|zigarette) ~4 (geht oder|ok|okay|in ordnung|erlaubt|geht das) ~2 (vorher|davor|$|bitte)",
		"(impfung|auffrischung|booster|spritze) ~8 (zu knapp|zu nah|zu frueh)",
	}},
	{id: "r10-asks-after", flags: fPrevMed, pats: []string{
		"(soll|sollte|muss|darf|kann) (er|sie) ~3 (das|es|die|den|sie|ihn|ihre|seine) ~4 (weglassen|absetzen|nehmen|pausieren|auslassen|einnehmen|nicht nehmen)",
	}},
	{id: "r10-labs", flags: fStatement, pats: []string{
		"(ferritin|kalium|natrium|thrombozyten|tsh|egfr|gfr|lipase|harnsaeure|hb|haemoglobin|eisen|vitamin d|inr|hbaic|kreatinin|blutzucker|zucker|sauerstoff|saettigung|pulsoxymeter|sattigung|blutdruck|puls|temperatur|fieber) ~2 # ~8 (spricht was dagegen|spricht etwas dagegen|ein problem|problem|ist das schlimm|ist das normal|kommt daher|was heisst das|was bedeutet das|kann ich trotzdem|trotzdem kommen|trotzdem cho|chan i|darf ich|ok fuer|okay fuer|wichtig fuer|zu niedrig|zu hoch|so niedrig|so hoch)",
	}},
	// Round 11 (med11, labelling policy of round 11): essen, trinken,
	// nüchtern sein, Auto fahren, Sport, Zahnarzt oder eine Operation rund
	// um eine Sitzung als Frage ("muss ich nüchtern kommen", "darf ich am
	// tag nach der sitzung autofahren"); ein Plan oder eine Frage zur
	// Organisation nicht ("mein mann fährt mich", "darf ich was zu essen
	// mitbringen", hCost).
	{id: "r11-around", pats: []string{
		"(darf|kann|soll|sollte|muss|duerfte|koennte) ich ~5 (essen|was essen|etwas essen|trinken|fruehstuecken|autofahren|auto fahren|sport machen|sport treiben|rauchen|kiffen|nuechtern|kaffee trinken|alkohol trinken)",
		"(darf|kann|soll|muss) ich ~4 (selber|selbst|allein|alleine) ~2 (nach hause|heim|zurueck) ~1 (fahren|autofahren)", "(darf|kann|soll|muss) ich (nach der sitzung|danach|nachher|am tag danach|am naechsten tag) ~4 (fahren|autofahren|auto fahren|heimfahren)",
		"(wann|ab wann|wie lange|wie viele stunden|wie weit vorher|wie viel) ~5 (nuechtern|nichts essen|nichts mehr essen|essen|trinken|autofahren|auto fahren|fruehstuecken|rauchen)",
		"(autofahren|auto fahren|essen|trinken|alkohol|kaffee|sport|fruehstueck) (danach|vorher|nachher|davor|am tag danach|am naechsten tag) $",
		"(zahnarzt|zahnaerztin|zahn op|weisheitszaehne|operation|narkose|betaeubung|betaeubungsspritze|impfung|grippeimpfung|coronaimpfung|auffrischung) ~8 (sitzung|sitzungen|infusion|behandlung|ketamine|vorher|danach|gleichen tag|selben tag|sagen)",
		"(passt|geht|klappt) ~2 (die|der|das) ~1 (sitzung|termin|infusion) ~2 (noch|trotzdem)",
		"(darf|kann|soll|sollte|muss) ich ~6 " + deAct11 + " ~6 " + deWhen11,
		"(darf|kann|soll|sollte|muss) ich ~4 " + deWhen11 + " ~4 " + deAct11,
		deOk11 + " ~6 " + deAct11 + " ~6 " + deWhen11,
		deAct11 + " ~6 " + deWhen11 + " ~6 " + deOk11,
		deWhen11 + " ~6 " + deAct11 + " ~6 " + deOk11,
		"(wie lang|wie lange|wie viele stunden|wie bald|wann) ~6 (stillen|anlegen|abpumpen|muttermilch|sport|krafttraining|autofahren|fliegen)",
	}},
}

// German rules for possible risk: hopelessness, being a burden, feeling trapped,
// farewells, giving things away, passive wishes to be dead, a means or a time
// without a stated intent. The bot asks directly (see doc.go).
var possibleDE = []ruleDef{
	// Round 7: things arranged "falls was ist", a means looked at, tablets
	// kept instead of taken, the last try, not minding not waking up, no
	// one noticing, trapped, how long still.
	{id: "r7-possible", flags: fAway, pats: []string{
		"(gegeben|gebracht|geschenkt|verschenkt|hergeschenkt|geregelt|gesagt|geschrieben|verabschiedet|kuemmern|liegen) ~8 (falls|fuer alle faelle)",
		"(falls|fuer alle faelle) ~8 (gegeben|geregelt|geschrieben|kriegst du|bekommst du|kuemmern|verabschiedet)",
		"(schau|schaue|anschauen|starre|starr) ~4 (die tabletten|die tablettenpackung|das messer|die waffe|die pistole|die bahngleise|die gleise|die bruecke|die schlaftabletten) ~3 (an|$)",
		"(tabletten|messer|waffe|pistole|schlaftabletten|gewehr) ~6 (schau ich|denk ich|denke ich|ich denke|ich denk) ~4 (an|dran|daran)",
		"nicht genommen ~4 (sondern|aufbewahrt|aufgehoben|gesammelt|zu den anderen)",
		"(verschenkt|hergeschenkt|weggegeben) ~6 (brauche|brauch) ~3 nicht mehr",
		"(nicht hilft|nicht wirkt|nicht anschlaegt|nicht hilft) ~6 (weiss ich nicht mehr weiter|bin ich durch|sehe ich mich nicht|seh ich mich nicht|mein letzter versuch|letzter versuch|weiss ich nicht was ich dann)",
		"(aufs sterben|auf den tod|auf das ende) (warten|warte|wartet)",
		"(wenn|falls) ich nicht mehr (aufwache|aufwachen|aufwach) ~4 (okay|ok|egal|gut|nicht schlimm|in ordnung)",
		"(ob ich noch da bin|wenn ich weg waere|wenn ich nicht mehr da waere|wenn ich tot bin|wenn ich tot waere|wenn ich nicht mehr da bin) ~6 (egal|merken|weint|froh|vermissen|vermisst)",
		"(egal|merken|froh) ~6 (ob ich noch da bin|wenn ich weg waere|wenn ich nicht mehr da waere|wenn ich tot bin|wenn ich tot waere)",
		"(fuehle|fuehl) mich ~2 gefangen", "(keine tuer|keine leiter|keinen ausweg|kein ausweg) ~4 (aus meinem leben|mehr|raus)",
		"(wie lange|wie lang) ich das noch (mitmachen|aushalte|mache|durchhalte|schaffe|mitmache)",
		"(bahnsteigkante|gleise|bruecke|kante) ~8 ein schritt", "(durchhalten|weitermachen) ~4 (wofuer|wozu)", "(wozu|wofuer) ueberhaupt noch",
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
		"(weiss nicht|keine ahnung) ~2 (warum|wieso|wozu) ich noch (hier bin|da bin|lebe|am leben bin)",
		"(was ist|wo ist|was soll|was waere) ~2 der sinn",
		"keinen sinn mehr", "(kein|keinen) (grund|sinn) ~2 (zu leben|weiterzuleben|mehr zu leben|zum leben|i am leben|weiterzumachen)",
		"(alles|das leben|mein leben|leben|es) ~2 (ist|wirkt|scheint|erscheint|fuehlt sich) ~1 (sinnlos|bedeutungslos|wertlos|nicht lebenswert)",
		"(wofuer|wozu) [noch] (leben|weiterleben|weitermachen|aufstehen|am leben bleiben)",
		"(sehe|seh) (keinen|kein) (ausweg|sinn|grund|lichtblick|ausgang|licht|ende) [mehr]", "(kein|keinen) ausweg [mehr]",
		"(wird|werde) (nie|niemals|nie wieder) (besser|gut)", "keine zukunft (mehr|fuer mich|$)", "(fuer|fur) (mich|jemanden wie mich) ~2 keine zukunft",
	}},
	{id: "hopeless", pats: []string{
		"(bin|fuehle mich|fuehl mich|fuhle mich|ist alles|alles ist|alles|mein leben ist|das leben ist) ~2 (hoffnungslos|wertlos|nutzlos)",
		"keine hoffnung mehr", "(habe|jede|alle|die) hoffnung verloren", "(jede|alle) hoffnung aufgegeben",
	}},
	{id: "better-off-without-me", flags: fNoSubject, pats: []string{
		"(nur|bloss) (eine|ein) (last|belastung|enttaeuschung)", "(eine|nur eine) (last|belastung) (fuer|fur) (alle|jeden|meine familie)",
		"(besser|gluecklicher|glucklicher|leichter|einfacher) ~2 ohne mich", "ohne mich ~2 (besser|gluecklicher|glucklicher|leichter|einfacher)",
		"(niemand|keiner|keinem) (wuerde|wurde|wird) mich (vermissen|vermisst)", "(niemand|keiner) ~4 (vermissen|merken|auffallen|kuemmern) ~4 (wenn ich|waere ich|ware ich) ~3 (tot|weg|nicht mehr|sterbe|sterben)",
		"(froh|gluecklicher|glucklicher|besser dran|erleichtert|besser) ~3 wenn ich ~3 (weg|tot|nicht mehr da|nicht mehr hier|nicht mehr am leben) (waere|ware|bin|sei|sein wuerde)",
		"(bin|fuehle mich wie|fuehle mich als) ~2 [eine] (last|belastung) [fuer|fur] ~2 [alle|jeden|meine|die|andere|alles|meine familie]",
	}},
	{id: "goodbye", flags: fAway, pats: []string{
		"(das|dies) ist (mein|meine) ~1 (abschied|letzte nachricht|letzten worte|letzter gruss)",
	}},
	{id: "goodbye", pats: []string{
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
	{id: "death-wish", pats: []string{
		"(hoffe|wuensche|wunsche|wuenschte|wunschte|bete) ~3 (sterbe|tot waere|tot ware|tot bin|nicht mehr aufwache|nie mehr aufwache|nicht aufwache|nie wieder aufwache|nicht mehr aufwachen|sterben wuerde|sterben werde)",
		"(am liebsten|lieber|besser|dann) (waere|ware|bin|sein) ~2 tot", "(waere|ware|bin) (lieber|besser) tot", "(lieber|besser) tot als",
		"(wuenschte|wunschte|wuensche|wunsche) ~3 (tot|nie geboren)", "(waere|ware) ~2 nie geboren",
		"(tod|sterben) (waere|ware|ist|scheint|wirkt) ~2 (erloesung|erlosung|einzige ausweg|einziger ausweg|einzige loesung|besser|leichter)",
		"(einschlafen|schlafen) und (nicht mehr|nie mehr|nie wieder|nicht) aufwachen",
	}},
	{id: "tired-of-life", pats: []string{
		"(leid|satt) (zu leben|das leben|am leben zu sein)",
		"(hoffe|wuensche|wunsche|bete) ~2 ich wache ~2 nicht [mehr] auf",
		"i am schlaf ~1 (sterben|zu sterben)",
		"(will|moechte|mochte|mag|wuerde|wollte) ~2 nicht mehr (da sein|hier sein|auf dieser welt sein)",
		"(stelle|stell) mir ~3 (beerdigung|begraebnis|tod) vor",
		"(lebensmuede*|lebensmud*)", "nicht mehr aufwachen",
		"(keine|keinen) (lust|bock|kraft|energie|motivation|freude|nerv|nerven) mehr ~3 (zu leben|leben|weiterzuleben|auf das leben|aufs leben|auf leben|zum leben|am leben|weiter|auf alles|zu existieren)",
		"(nie mehr|nie wieder) aufwachen",
		"(will|moechte|mochte|wuensche|wunsche|wuenschte) ~4 (alles|es|das leben|der schmerz|das alles|mein leben) (aufhoert|endet|vorbei ist|zu ende ist|ein ende hat|aufhoeren soll)",
		"(muede|mude|satt|erschoepft|fertig) (vom leben|von meinem leben|des lebens|zu leben|vom dasein|mit dem leben)",
	}},
	{id: "not-be-here", flags: fAway, pats: []string{
		"(werde|bin|sein|bin dann) ~4 nicht mehr (da|hier|am leben) [sein]",
		"(glaub|glaube|denke|denk) nicht dass ich ~4 (noch da|noch hier|noch lebe|noch am leben)",
		"(brauch|brauche|brauchen) (ich|sie|es|das|die) ~2 nicht mehr",
		"(keine sorgen mehr|nicht mehr) ~3 um mich (machen|kuemmern)",
	}},
	{id: "farewell", flags: fAway | fNoSubject, pats: []string{
		"(katze|hund|haustier|haustiere|sachen|gitarre|schmuck) ~4 (gegeben|verschenkt|geschenkt) ~6 (behalten|kuemmern)",
		"(weiss nicht|weiss ich nicht|keine ahnung) was ich (tue|mache|tun werde|mir antue) $",
		"(heute|morgen|heute nacht) ist es soweit",
		"(heute|morgen|nach|am|wenn|sobald) ~5 (mache|mach|tue|tu) ich (es|das) $",
		"(schreib|schreibe|geschrieben|schrieb) ~2 (brief|briefe|abschiedsbrief) an (meine|meinen|alle) ~1 (familie|kinder|eltern|mann|frau|freunde|mutter|vater|liebsten)",
		"(brief|briefe|nachricht|nachrichten) ~6 nur fuer den fall",
		"(danke|vielen dank) fuer alles ~6 (tschuess|tschuss|lebt wohl|macht es gut|machts gut|adieu|auf wiedersehen)",
		"(tschuess|tschuss|adieu|auf wiedersehen) (fuer immer|fur immer)",
		"(meine sachen|alles) ~3 (verschenkt|verschenke|weggegeben|verteilt)",
	}},
	{id: "means", pats: []string{
		"(denke|denk|dachte) ~3 an (die|meine|das|den) ~1 (tabletten|pillen|seil|messer|waffe|pistole|bruecke|gleise)",
		"(schau|schaue|starre|guck|gucke) ~4 (tabletten|pillen|seil|messer|waffe|bruecke|gleise) ~2 an",
		"(staendig|immer wieder|jeden tag) ~3 (tabletten|pillen|seil|messer|waffe|bruecke|gleise)",
		"weiss wo ~4 (waffe|pistole|gewehr|tabletten|pillen) ~2 (ist|sind|liegt|liegen|aufbewahrt)",
	}},
	{id: "trapped", pats: []string{
		"(gefangen|feststecke|stecke fest) ~5 (kein ausweg|keinen ausweg|kein entkommen|fuer immer)",
		"(sitze|sitz|stecke|steck|haenge|bin) (fest|in der falle) ~4 (komme nicht raus|kein ausweg|keinen ausweg|fuer immer|komm nicht raus)",
	}},
	// Fitted batch 8: waiting for death, not wanting to exist, no strength left.
	{id: "waiting-to-die", pats: []string{
		"(warte|wart|warten|wartet) ~3 (aufs sterben|auf das sterben|auf den tod|auf das ende|aufs ende|dass ich sterbe|bis ich sterbe|zu sterben)",
		"(wuenschte|wunschte|wuensche|wunsche|will|moechte|mochte|wuerde|wurde) ~4 nicht (existieren|existiert|mehr existieren|geboren|auf der welt)",
		"(keine|keinen) (kraft|energie|kraefte|mut|willen) mehr ~2 (zu kaempfen|kaempfen|zum kaempfen|weiterzukaempfen|weiter zu kaempfen|durchzuhalten|zum weitermachen|weiterzumachen)",
		"(keinen|kein) grund mehr ~2 (weiterzumachen|weiter zu machen|zu leben|weiterzuleben|aufzustehen|zu kaempfen)",
		"(bin|sei|waere) (nicht mehr lange|bald nicht mehr) (da|hier|am leben|auf der welt)",
		"(glaub|glaube|denke|denk) ~3 (nicht mehr lange|bald nicht mehr) (da|hier|am leben)",
	}},
	// Fitted batch 9.
	{id: "no-use", pats: []string{
		"was bringt (das alles|alles|das|es|das leben|mein leben) (noch|ueberhaupt noch|eigentlich noch|ueberhaupt)",
		"(mit allem|mit dem leben|mit meinem leben|mit der welt) abgeschlossen",
		"(allen|jedem|meiner familie|allen anderen|euch|ihnen) (lieber|besser|leichter|einfacher) ~2 wenn ich ~3 (nicht mehr da|nicht mehr hier|weg|tot|nicht mehr am leben|nicht mehr lebe)",
		"wenn ich ~3 nicht [mehr] aufwache ~4 (ok|okay|in ordnung|egal|gut|besser|auch recht|nicht schlimm|schade)",
		"(weiss nicht|keine ahnung|weiss ich nicht) wie lange ~4 (durchhalte|aushalte|durchhalten|aushalten|schaffe|ertrage|mitmache|noch kann)",
		"kein licht ~2 (am ende des tunnels|mehr)",
		"(bin|stecke|steck|sitze|sitz|fuehle mich) ~3 in (einer|der|einem) (sackgasse|falle|loch|teufelskreis) ~6 (nicht mehr raus|kein ausweg|keinen ausweg|nie raus|nie wieder raus|nicht raus)",
		"(tschuess|tschuss|lebwohl|auf wiedersehen|adieu) gesagt ~4 (falls|fuer den fall|nur fuer den fall|sicherheitshalber)",
		"(macht|mach|machen) (euch|dir|sie sich) keine sorgen mehr um mich",
		"(mich|ich) (gibt es|bin) (bald|morgen|dann|ab morgen|nach heute) nicht mehr",
	}},
	// Fitted batch 10.
	{id: "dont-care", pats: []string{
		"(das wars|das war es) (fuer mich|mit mir)",
		"(nichts) (hat|macht|ergibt) ~1 [mehr] sinn [mehr] $",
		"egal was (mit mir|aus mir) (passiert|wird|geschieht)",
		"(keine lust|kein bock|keinen bock|nicht) ~6 (aufs leben|auf das leben|auf mein leben)",
		"(bin|ich bin) ~1 (allen|jedem|euch|allen nur|jedem nur) ~1 i am weg",
		"nie geboren (worden|waere)",
		"(alles|alle) (geregelt|erledigt|organisiert|sortiert|vorbereitet) ~6 (falls|wenn) ~2 (was|etwas) passiert",
		"nicht mehr lange (nerven|belaestigen|stoeren|zur last fallen|auf der welt)",
	}},
	// Fitted batch 11.
	{id: "ghost-or-accident", pats: []string{
		"(sterbehilfe|dignitas)",
		"(heute|morgen) ist mein letzter tag $",
		"(schon|bereits) ~2 nicht mehr (da|hier) $",
		"(wuensch|wuensche|wuenschte|hoffe) ~3 (einen unfall|unfall|ueberfahren)",
		"(brauch|brauche) ~2 (eh|sowieso|ja|doch) ~1 nichts mehr",
	}},
	// Fitted batch 12.
	{id: "no-hope-v2", pats: []string{
		"(angst|sorge) ~3 was ich mir ~2 (antun|antue|antu|tun)",
		"keine hoffnung ~4 (besser|aendert|gut wird)",
		"(war es das|wars das|war das) (fuer mich|mit mir)",
		"(komm|komme) ~4 (eh|sowieso) nicht mehr",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose-absent", flags: fAway, pats: []string{
		"nicht mehr (da|hier|am leben|dabei) (sein|bin|sein werde|sein wird|waere)",
		"(werde|bin|wuerde|waere) ~6 nicht mehr (da|hier|am leben)",
		"(meine|meinen|mein) (katze|kater|hund|haustier|haustiere|tiere|sachen|schmuck|ersparnisse) ~4 (verschenkt|weggegeben|abgegeben|vermacht|geschenkt|verteilt)",
		"(kuemmert|kuemmern|sorgt|sorgen) sich ~4 besser ~4 als ich",
		"(wuensche|wunsche|wuensch|wunsch|wuenschte|hoffe|bete|will|moechte|wuerde gern|wuerde lieber|lieber) ~5 (nicht mehr|nie mehr|nie wieder) (aufwachen|aufzuwachen|aufwache)",
		"(mich|euch|mich von euch|mich von ihnen|mich von allen) ~3 (verabschieden|verabschiede)",
	}},
	// Fitted batch 14.
	{id: "compose-burden", flags: fNoSubject, pats: []string{
		"(allen|jedem|allen anderen|meiner familie|euch|meinen kindern) (waere|ist|wird) ~1 (geholfen|besser|leichter) ~3 wenn ich ~2 (verschwinde|weg bin|nicht mehr da|tot|sterbe|nicht mehr lebe|nicht mehr bin)",
		"(bessere|besseren|besseres) (mutter|vater|mama|papa|partner|partnerin|frau|mann|tochter|sohn|freundin|freund|eltern) ~2 verdient",
		"verdient ~3 (bessere|besseren|besseres) (mutter|vater|mama|papa|partner|partnerin|frau|mann|tochter|sohn|freundin|freund|eltern)",
		"damit sich (keiner|niemand) ~2 (kuemmern|sorgen|drum kuemmern) (muss|musst|muessen)",
		"(allen|jedem) ~1 (nur|bloss) ~1 i am weg",
	}},
	{id: "compose-absent", pats: []string{
		"(sehe|seh|sehe ich) mich nicht ~2 (alt werden|aelter werden|alt|die # erreichen|in # jahren)",
	}},
	{id: "compose-absent", flags: fAway, pats: []string{
		"(nicht|kaum) ~3 (dass ich|ob ich) ~1 noch (lange|laenger) (da|hier|am leben) (bin|sein werde|bleibe)",
		"(komm|komme|kommen) ~2 nicht (wieder|zurueck|mehr zurueck|mehr heim|mehr nach hause)",
		"(sehe|seh) ~2 keinen (ausweg|sinn) mehr",
	}},
	// Fitted batch 15.
	{id: "compose-burden", flags: fNoSubject, pats: []string{
		"(verschenk|verschenke|verschenkt|verschenken|verteile|verteil) ~3 (meine|mein|meinen|alle meine) ~1 (sachen|pflanzen|buecher|kleider|schmuck|katze|hund|moebel)",
		"(nehme|nehm) ~3 (nur|bloss) ~1 platz weg", "(verschwende|verschwend) ~2 (platz|luft|sauerstoff)",
		"(einzige|einzig) ~3 (was|wer|das) mich ~2 (haelt|am leben haelt|hier haelt)",
		"wer ~2 (meine|mein|meinen) (sachen|sache|zeug|katze|hund|geld|ersparnisse|schmuck) ~2 (kriegen|bekommen|erben|kriegt|bekommt|erbt)",
		"was soll (das|das alles|es|das ganze) ~1 noch $",
		"(bin|werde) ich ~1 kein (problem|last|belastung) mehr",
	}},
	// Fitted batch 16.
	{id: "compose-last", flags: fAway, pats: []string{
		"wenn es mich nicht [mehr] (gaebe|gebe|gaeb|gibt)",
		"(denk|denke|dachte|stell mir|stelle mir) ~3 (an meine|meine) ~1 (beerdigung|begraebnis|trauerfeier)",
		"(bin es leid|habe es satt|keine kraft mehr|zu muede) ~3 (zu kaempfen|zu leben|weiterzumachen|zu existieren)",
		"(nicht|kaum) ~4 (weihnachten|silvester|ostern|meinen geburtstag|den sommer|den winter|das neue jahr|naechstes jahr|den termin) [noch] (erlebe|erleben werde|schaffe|mitmache)",
		"(als|wie) (waers|waere es|ob es) das letzte mal",
		"(hier|da|auf dieser welt) ist nichts mehr (fuer mich|was mich haelt)",
		"(einschlafen|einzuschlafen) und (nie|nicht) (wieder|mehr) (aufwachen|aufzuwachen)",
	}},
	// Fitted batch 17.
	{id: "compose-last", flags: fAway, pats: []string{
		"(die welt|niemand|keiner|meine familie) braucht mich [nicht|nicht mehr]",
		"als waere ich (schon|bereits) (weg|tot|nicht mehr da)",
		"damit es (fuer sie|fuer alle|fuer meine familie|fuer euch) (danach|nachher|dann) (einfach|einfacher|leichter)",
		"egal ob ich (lebe|sterbe)",
		"(passwoerter|pin|zugangsdaten|kontodaten|anweisungen) ~6 (nur fuer den fall|fuer den fall der faelle|falls mir was passiert|wenn ich nicht mehr da bin)",
		"alles gesagt was (zu sagen war|ich sagen wollte)",
	}},
	// Fitted batches 26 to 43: short farewells and plans, asked about.
	{id: "setting-affairs", flags: fAway, pats: []string{
		"(mach|mache) (heute|heute nacht|heute abend|jetzt|gleich) schluss $",
		"(mein|meine) (letzter abend|letzte nacht|letzter tag) $", "(tschuess|tschuss) an alle",
		"letzte nachricht (von mir|an euch|an alle|hier)", "(geh|gehe) jetzt ins wasser $",
	}},
	{id: "passive-wish", pats: []string{
		"(wozu|wofuer|warum) ich ~2 noch (da|hier) bin", "(wozu|was solls|was soll es) noch $",
		"(weihnachten|silvester|jahr|geburtstag|sommer|fruehling|winter|termin|nachsorgetermin) ~4 (nicht mehr erlebe|nicht mehr erleb|noch erleb|noch erlebe|nicht mehr erleben)",
		"(ein schritt|ein sprung) und (es|alles) (waere|waere|ist) vorbei",
		"(mich|am liebsten) ~3 in luft (aufloesen|aufzuloesen)",
		"(will|moechte) ~2 (weg sein|nicht mehr sein)",
		"(diese woche|in letzter zeit|seit|gerade|heute|staendig|immer oefter|so oft) ~4 (an den tod|ans sterben|ans totsein) ~2 (gedacht|denke|denk)", "wie es (waere|waere) tot zu sein",
		"mich ~3 ein (auto|bus|lkw|zug|laster) (ueberfaehrt|ueberfahren wuerde)",
		"(bin|bleib|bleibe) ~2 nur noch (hier|da) wegen",
		"als (waere|waere|wuerde) ich ~2 (schon|gar) ~2 nicht mehr ~1 da",
		"(will|kann|mag) ~2 nicht mehr kaempfen",
		"(sehe|seh|find|finde) ~2 (keinen|kein) (ausweg|ausgang|weg raus)", "(seh|sehe) nur noch ein ende",
		"nur noch (eine|ein) (last|belastung)",
		"(okay|ok|egal|recht|in ordnung) wenn ich ~2 nicht [mehr] aufwache",
		"(enttaeuscht|schade|traurig) dass ich noch (da|hier|am leben) bin",
		"dreht sich ~3 ohne mich", "keinen platz mehr ~4 (auf der welt|fuer mich)",
		"(innerlich|eigentlich) schon tot", "(lieber|besser) tot (waere|waere|sein)",
		"(einfacher|besser|leichter) ~2 wenn ich nicht [mehr] (da|hier) (waere|waere|bin)",
		"(sitz|sitze|steck|stecke) in der falle",
		"{pillword} ~4 ziehen mich ~2 an",
		"({dmeans}|pistole|waffe) ~8 (denk|denke) ~3 an (die|sie|das|den|ihn) $",
		"{pillword} ~6 (aufgehoben|gesammelt|in eine dose|nie zurueckgegeben|nicht weggeworfen) ~6 (fuer den fall|nur fuer den fall|fuer schlechte tage|zu den anderen|man weiss ja nie)",
		"(lebensversicherung) ~6 (zahlt|auch zahlt|suizid)",
	}},
	{id: "setting-affairs", flags: fAway, pats: []string{
		"vergesst mich nicht",
		"(briefe|zettel) an alle die mir wichtig sind",
		"(meine|mein|meinen) (pflanzen|kleider|buecher|moebel|gitarre|laptop) ~4 (verschenkt|weggegeben|abgegeben|kleiderkammer)",
		"(bankdaten|versicherungsunterlagen|passwoerter|vollmacht) ~8 (mappe|gelegt|gegeben|aufgeschrieben|geordnet)",
		"falls wir uns nicht mehr (schreiben|sehen|hoeren)",
		"danke fuer alles ~8 bevor es zu spaet",
	}},
	// Round 6 (fitted batches 26-43, 56, 57, 62): hopelessness, being a
	// weight, farewells and means kept "just in case", in more German forms.
	{id: "r6-hopeless", pats: []string{
		"(seh|sehe|sieht) ~3 (keinen|kein) sinn", "nichts ~3 sinn", "(seh|sehe) ~1 keine zukunft",
		"(alles|leben|lebn|mein leben) ~2 (sinnlos|hoffnungslos|ausweglos|quaelerei|oanzige quaelerei)", "(sinnlos|hoffnungslos|ausweglos) $",
		"(bin|ich bin) ~3 (ballast|enttaeuschung|klotz am bein)", "(ballast|klotz am bein) ~2 (fuer alle|$)",
		"(braucht|brauchen) mich (nicht mehr|keiner mehr|niemand mehr)", "(keiner|niemand) braucht mich [mehr]", "(job|aufgabe) hier ist erledigt",
		"(nicht|nie) geboren (worden|waere)", "zeit zu gehen $", "(noch|ueberhaupt) lebenswert",
		"(will|mag|moechte) ~2 nicht aufwachen", "(lang|lange) mach ich (das|des) nicht mehr mit",
		"(weiss|weis) nicht ~2 wie ich ~4 (schaffen soll|aushalten soll|weitermachen soll|durchhalten soll|weiter soll)",
		"(keiner|niemand) mehr um mich (kuemmern|sorgen)", "(termine|termin) nicht mehr (freihalten|frei halten|brauchen)",
		"(zaehl|zaehle) ~3 (schlaftabletten|tabletten|pillen)",
		"({pillword}|pistole|rasierklinge|klinge|waffe|vorrat) ~8 (nur so|man weiss ja nie|fuer schlechte tage|weiss selber nicht wofuer|nicht weggeworfen|denk ~2 oft an)",
		"(angeschaut|nachgeschaut|geschaut|ausgekundschaftet) ~5 (bruecke|hochhaus|parkhaus|klippe|gleise)",
	}},
	{id: "r6-farewell", flags: fAway, pats: []string{
		"mich ~4 (verabschiedet|verabschiede) ~4 (von allen|richtig|falls|als ob|irgendwie|$)",
		"(sachen|zeug|besitz) ~3 (verschenken|verschenkt|zu verschenken|vererben|vererbe|vererben wuerde)",
		"(bekommt|kriegt|kriegen|bekommen) ~6 (falls mal was ist|falls mir was passiert|wenn ich nicht mehr da bin)",
		"(nicht mehr lang|nicht mehr lange) (da|hier)",
	}},
}

// German rules for harm to others.
var harmDE = []ruleDef{
	{id: "intent", pats: []string{
		"(stech|steche|knall|knalle|schlag|schlage) (den|die|diesen|diese|meinen|meine) ~1 (ab|nieder|tot|zusammen)",
		"ich (schlag|schlage|stech|steche|erschiess|erschiesse) (meinen|meine|mein|ihn|sie|den|die) ~2 (mit|tot|nieder|zusammen)",
		"(fresse|gesicht|schnauze|zaehne) (polieren|einschlagen|brechen|zertruemmern)",
		"(bring|bringe) ~3 (meinen|meine|ihn|sie|jemanden|alle|den|die|dich|euch) ~2 um",
		"(will|werde|moechte|koennte|wuerde|mag) ~3 (jemanden|jemandem|ihn|sie|ihm|ihr|meinen|meine|meinem|meiner|alle|dich|euch) ~3 (umbringen|toeten|abstechen|erstechen|erschiessen|verletzen|wehtun|weh tun|schlagen|verpruegeln|erwuergen|vergiften|angreifen)",
		"(stech|steche|erschiess|erschiesse|schlag|schlage|verpruegel|verpruegele|knall|knalle) ~2 (ihn|sie|jemanden|dich|euch|alle) ~2 (ab|nieder|tot|zusammen|um)",
		"(koennte|koennt) ~2 (jemanden|wen|alle|ihn|sie) (umbringen|toeten|erschlagen|erwuergen)",
	}},
	{id: "thoughts", pats: []string{
		"(angst|sorge|fuerchte) ~5 (meinen|meine|mein|jemanden|ihn|sie) ~2 (umbringen|toete|verletze|schlage|erwuerge)",
		"(angst|sorge|fuerchte) ~4 (meinem|meiner|meinen|ihm|ihr|jemandem|dem|der) ~2 (was|etwas) ~1 (antue|antun|anzutun|antu)",
		"(angst|sorge|fuerchte) ~4 (meinem|meiner|meinen|ihm|ihr|jemandem|dem|der) ~2 (weh tue|wehtue|weh tun|wehtun|verletze|schlage)",
		"(gedanken|fantasien|vorstellung|angst|stell mir vor|stelle mir vor|drang|impuls) ~6 (zu verletzen|wehzutun|weh zu tun|umzubringen|zu schlagen|zu toeten|zu vergiften|zu erwuergen|schlage|verletze|wehtue|erstickte|zu ersticken)",
	}},
	{id: "act", pats: []string{
		"ich (habe|hatte) (meine|meinen|mein|ihn|sie|jemanden) ~2 (geschlagen|gewuergt|getreten|gestossen|verletzt|verpruegelt|geschubst)",
		"(mit dem|mit einem|mit der|mit einer) (messer|waffe|pistole|baseballschlaeger) bedroht",
		"(messer|waffe|pistole) ~3 (mit) ~2 (arbeit|schule|buero)",
	}},
	// Fitted batch 8: imagining it, threats with an outcome, acts in the perfect tense.
	{id: "imagine-threat", pats: []string{
		"(stell|stelle|stellte) mir ~4 vor wie ich ~4 (erwuerge|erwurge|toete|ersteche|erschiesse|verpruegele|verpruegel|absteche|vergifte|ertraenke|ersticke|schlage|erschlage)",
		"(pruegel|pruegele|verpruegel|verpruegele|schlag|schlage|hau|haue|tret|trete) ~2 (ihn|sie|den|die|dich|euch|diesen|diese|den typ) ~2 (krankenhausreif|windelweich|kaputt|zu brei|platt|tot)",
		"ich (habe|hatte) ~1 (meine|meinen|mein|ihn|sie|jemanden|den|die) ~3 (voll|richtig|heftig|so|fest|wieder) (geschlagen|gewuergt|getreten|gestossen|verletzt|verpruegelt|geschubst|geohrfeigt)",
		"(angst|sorge|fuerchte) ~3 dass ich ~4 (meinem|meiner|meinen|ihm|ihr|jemandem|dem|der) ~3 (was|etwas|weh) ~1 (antue|antu|tue|tu|antun)",
	}},
	// Fitted batch 9.
	{id: "act-v2", pats: []string{
		"(abfackeln|abzufackeln|anzuenden|anzuzuenden|anstecken|anzustecken|abbrennen|abzubrennen|in brand) ~4 mit (ihm|ihr|ihnen|allen|euch) (drin|darin)",
		"(verpruegelt|geschlagen|verletzt|getreten|angegriffen|abgestochen|gewuergt) ~4 (wuerde|werde|werd) ~2 (wieder tun|nochmal tun|wieder|nochmal)",
		"ich (habe|hatte) ~1 (meine|meinen|mein|ihn|sie|jemanden|den|die) ~3 (geschlagen|gewuergt|getreten|verpruegelt|geohrfeigt|abgestochen)",
		"(angst|sorge|fuerchte) ~4 (ich|dass ich) (tu|tue|mache|mach) (meinem|meiner|meinen|ihm|ihr|jemandem|dem|der) ~2 (was|etwas|weh)",
	}},
	// Fitted batch 10.
	{id: "act-v3", pats: []string{
		"(flasche|stuhl|glas|bierflasche|aschenbecher) ~3 (uebergezogen|ueber den kopf|uebergebraten|auf den kopf)",
		"ich (habe|hatte) ~1 (mein|meine|meinen) (baby|kind|sohn|tochter|saeugling|kleine|kleinen) ~2 (geschuettelt|geschlagen|gewuergt)",
	}},
	// Fitted batch 11.
	{id: "thoughts-v2", pats: []string{
		"(gedanken|fantasien|phantasien|drang|lust|vorstellung) ~6 (abzustechen|umzulegen|abzuknallen|zu erschiessen|zu erstechen|kaltzumachen|zu erwuergen)",
		"(meiner|meinem|ihm|ihr|dem|der) ~2 (eine|einen) (geknallt|gescheuert|geklebt|reingehauen)",
		"(wuerde|will|moechte) ~3 (alle|jeden) ~4 (erschiessen|abknallen|umbringen|abstechen|umlegen)",
	}},
	// Fitted batch 12.
	{id: "intent-v2", pats: []string{
		"(stech|steche|schiess|schiesse) ich (zu|ihn|sie|den|die)",
		"(will|moechte|wuerde|koennte) ~3 (mein|meine|meinen) (baby|kind|sohn|tochter) ~4 (werfen|schuetteln|ertraenken|ersticken|fallen lassen)",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose", pats: []string{
		"ich (habe|hatte) ~2 (meinen|meine|mein) (sohn|tochter|baby|kind|kleinen|kleine|saeugling|partner|partnerin|mann|frau|freundin|freund|mutter|vater|bruder|schwester) ~4 (geschuettelt|geschlagen|gewuergt|geschubst|getreten|gestossen|geohrfeigt|verletzt|verpruegelt)",
		"(will|moechte|werde|wuerde|koennte) ~2 (ihm|ihr|ihnen|dem|der|jemandem) ~2 (wehtun|weh tun|was antun|etwas antun|schaden)",
	}},
	// Fitted batch 14.
	{id: "compose", pats: []string{
		"(polier|poliere|polieren|schlag|schlage|hau|haue|tret|trete) (ihm|ihr|dem|der|denen|ihnen) ~1 (die fresse|die schnauze|das gesicht|die zaehne|eine rein|eins rein|den schaedel)",
		"ich (habe|hatte) ~2 (meinen|meine|mein) (sohn|tochter|baby|kind|kleinen|kleine|saeugling|partner|partnerin|mann|frau|freundin|freund|mutter|vater|bruder|schwester|oma|opa) ~8 (geschuettelt|geschlagen|gewuergt|geschubst|getreten|gestossen|geohrfeigt|verletzt|verpruegelt|geworfen)",
		"(ueberlege|ueberleg|plane|ueberlegt|nachgedacht|recherchiere|gegoogelt|frage mich) ~3 wie ich ~2 (meinen|meine|mein|ihn|sie|den|die|jemanden) ~2 (vergiften|umbringen|toeten|erstechen|erschiessen|verletzen|erwuergen|abstechen|loswerden)",
	}},
	// Fitted batch 15.
	{id: "compose", pats: []string{
		"(drang|lust|impuls|impulse|gedanken|fantasien) ~6 (zu schubsen|zu stossen|zu werfen|zu ersticken|zu erschlagen|abzustechen)",
		"(stell|stelle) mir ~3 vor ~8 (zu ersticken|zu erwuergen|abzustechen|zu erstechen|zu erschlagen|zu vergiften|zu toeten|wehzutun|zu schlagen)",
	}},
	// Fitted batch 16.
	{id: "compose", pats: []string{
		"(polier|poliere|schlag|schlage|hau|haue|tret|trete) (ihm|ihr|dem|der|denen|ihnen|meinem|meiner) ~2 (die fresse|die schnauze|das gesicht|die zaehne|eine rein|eins rein|den schaedel)",
		"(meinem|meiner|ihm|ihr|dem|der) ~2 (was|etwas|gift|tabletten|rattengift) ~2 in (den|seinen|ihren|sein|ihr) (tee|kaffee|essen|getraenk|drink|wein|bier|saft) ~2 (zu tun|tun|mischen|zu mischen|kippen|zu kippen|geben|zu geben)",
		"(stell|stelle) mir ~3 vor ~8 (zu ueberfahren|ueberfahre|ueberfahren)",
		"(baby|kind|sohn|tochter|kleinen|kleine) ~6 (zu fest|so fest|zu hart|zu doll) ~4 (gedrueckt|geschuettelt|gepackt|gekniffen|geschlagen|gezogen|gegriffen)",
		"(zuend|zuende|fackel|fackle) ~2 (sein|ihr|deren|das) ~1 (haus|auto|wohnung|laden) ~1 (an|ab)",
	}},
	// Fitted batch 17.
	{id: "compose", pats: []string{
		"(trag|trage|nehm|nehme|habe) ~2 (ein|das|mein) ~1 (*messer|waffe|pistole|schlagring) ~2 fuer (die|den|diese|diesen) ~1 (typen|typ|leute|kerl|kerle|schueler|kollegen)",
		"(kissen|decke|hand) ~2 (aufs|auf das|auf sein|auf ihr|ueber das|ueber sein|ueber ihr) gesicht ~2 (gedrueckt|gelegt|gehalten)",
		"(denk|denke|gedanken|drang|lust|dran|daran) ~8 (runterzustossen|runterstossen|runterzuschubsen|runterzuwerfen)",
	}},
	// Fitted batch 19.
	{id: "compose-act", pats: []string{
		"(geh|gehe|komm|komme|lauf|laufe) ~3 mit (der|dem|einem|einer|meinem|meiner) {weapon} (rueber|hin|vorbei|rein|rauf|hoch)",
		"bis (er|sie) ~3 (am boden|bewusstlos|ohnmaechtig|liegen blieb|blutete|k o) ~2 (zusammengetreten|zusammengeschlagen|verpruegelt|getreten|geschlagen|gewuergt)",
		"(zusammengetreten|zusammengeschlagen|verpruegelt|getreten|geschlagen|gewuergt) ~2 bis (er|sie) ~3 (am boden|bewusstlos|ohnmaechtig|liegen blieb|blutete)",
		"(was|etwas|gift|tabletten|zeug|schlaftabletten|rattengift) (ins|in das|in den|in die|in sein|in ihr) ~1 (essen|trinken|getraenk|tee|kaffee|glas|bier) (zu mischen|mischen|mische|zu tun|tun|zu kippen|kippen|zu schuetten)",
		"zeigen was passiert ~8 ({weapon}|gewehr|waffe)",
		"(beherrschen|zurueckhalten|zusammenreissen) ~4 nicht (zu wuergen|zu schlagen|zu erstechen|abzustechen|umzubringen|zu verletzen|zu toeten|zu hauen|zu treten)",
		"habe ich ~4 mit (dem|einem|der|einer|meinem) ~1 {weapon} bedroht",
		"(drueck|druecke|pack|packe|zerr|zerre|kneif|kneife|schuettel|schuettle|schlag|schlage|hau|haue) ~4 so (fest|doll|hart|stark) ~4 (dass|bis) ~3 (blaue flecken|blutet|weint|schreit|striemen|bluterguss)",
		"(stoss|stosse|stoesst|schubs|schubse|schubst|tret|trete) ~5 die treppe (runter|hinunter|herunter)",
	}},
	// Fitted batch 20.
	{id: "compose-act", pats: []string{
		"(meiner|meinem|meinen|ihm|ihr) ~2 (ins gesicht|in den bauch|auf den kopf|eine) (geschlagen|getreten|gehauen|geboxt|gegeben|geknallt|gescheuert)",
		"(will|moechte) ~1 dass (er|sie|mein|meine|der|die) ~2 (blutet|leidet|verreckt)",
		"(kochloeffel|guertel|stock|hausschuh|schuh|kabel|kleiderbuegel|lineal|rute|teppichklopfer) ~3 (geschlagen|gehauen|eine gegeben|verhauen|versohlt|eine geknallt)",
		"(erteil|erteile|verpass|verpasse) (ihm|ihr|ihnen|dem|der) ~1 (eine|ne|einen) (lektion|abreibung|denkzettel)",
		"{weapon} ~4 fuer (den|die|meinen|meine|ihn|sie) ~1 (nachbarn|nachbar|ex|chef|typen|vermieter|schwager|vater|mutter|bruder)",
		"(festgehalten|runtergedrueckt|festgedrueckt) ~6 (geweint|geschrien|aufhoeren|nein gesagt)",
		"(knall|knalle|schlag|schlage|hau|haue|ramm|ramme) ich ~1 (ihren|seinen|den) kopf (gegen|an|auf) (die|den|das) ~1 (wand|tisch|boden|tuer|schrank)",
		"(naechstes mal|als naechstes) ist (er|sie) dran",
		"(geb|gebe) ~4 (seine|ihre) (medikamente|tabletten|medis|insulin|essen) (nicht mehr|nicht) ~3 (damit|als strafe|zur strafe)",
		"(will|moechte|werde) ~4 (leute|menschen|jemanden|passanten|fussgaenger) ~2 (ueberfahren|niederfahren|umfahren|abstechen|erschiessen|umbringen)",
		"(meinem|meiner|ihm|ihr|dem|der|seinem|seiner) ~3 (heissen|kochenden|kochendes|heisses) ~1 (tee|kaffee|wasser|oel) ~3 (gekippt|geschuettet|gegossen)",
	}},
	// Fitted batch 21.
	{id: "compose-act", pats: []string{
		"ich (schlag|schlage|hau|haue|tret|trete) (meine|meinen|mein) (frau|mann|freundin|freund|kind|kinder|sohn|tochter|mutter|vater|partner|partnerin)",
		"(meinem|meiner|ihm|ihr) ~3 (die nase|den kiefer|den arm|die rippen|den finger|die zaehne) (gebrochen|ausgeschlagen|eingeschlagen)",
		"(auto|wagen|lkw|transporter) in die (menge|menschenmenge|leute|fussgaengerzone) (fahren|zu fahren|steuern|rasen)",
		"(umgeschubst|geschubst|umgestossen|gestossen) ~6 (aufgeschlagen|gestuerzt|hingefallen|blutet|verletzt)",
	}},
	// Fitted batches 26 to 31: built from vocabularies rather than from
	// messages. A violent verb of the speaker's, verb-second after a time or
	// an object ("stech ich ab", "den mach ich kalt", "zünd ich ihm die bude
	// an"); a violent infinitive after an intent, a plan or a drive ("ich
	// habe vor ihn abzufangen und fertig zu machen"); an outcome wished on
	// someone ("bis er nicht mehr aufsteht"); a weapon carried towards a
	// person; an act done ({dperson} names who).
	{id: "verb-second", pats: []string{
		"(stech|steche|knall|knalle|baller|ballere|erschiess|erschiesse|abstech|absteche) ich ~5 (ab|nieder|tot|zu $|$)",
		"(schiess|schiesse) ich ~3 (ab|nieder|tot|$)",
		"(mach|mache) ich ~3 (kalt|platt|kaputt $)",
		"(mach|mache) (den|die|ihn|sie|diesen|diese|den typ|den typen|den kerl) ~2 (kalt|platt)",
		"(schlag|schlage|hau|haue|tret|trete|pruegel|pruegle|pruegele) ich ~4 (tot|zusammen|krankenhausreif|windelweich|zu brei|nieder|k o|den schaedel ein)",
		"(zuend|zuende) ich ~2 (ihm|ihr|ihnen|dem|der|denen|sein|seine|ihr|ihre) ~2 (bude|haus|wohnung|auto|laden|hof|praxis|buero|wagen) an",
		"(abfackel|abfackle|abfackeln|abzufackeln|anzuenden|anzuzuenden|abbrennen|abzubrennen) ~4 (mit (ihm|ihr|ihnen|allen) drin)",
		"(kita|schule|haus|bude|wohnung|laden|auto|praxis|amt|firma|buero|ihn|sie|ihm|ihr|ihnen|neue|neuen|jobcenter) (anzuzuenden|anzuenden|abzufackeln|abfackeln|abfackel|abfackle|abzubrennen|abbrennen)",
		"(bring|bringe) ich (den|die|ihn|sie|dich|euch|alle|diesen|diese) ~3 um $",
		"(bring|bringe) (den|ihn|dich|euch|diesen) um $",
		"(stech|steche|erschiess|erschiesse|vergift|vergifte|ueberfahr|ueberfahre|ramm|ramme|verpruegel|verpruegele|erschlag|erschlage) (den|die|ihn|sie|dich|euch|diesen|diese|meinen|meine|mein|ihm|ihr) ~3 ({dperson}|$|tee|kaffee|essen|ab|tot)",
		"(fahr|fahre) (meinen|meine|mein|den|die|ihn|sie) ~1 {dperson} (ueber|um|tot)",
	}},
	{id: "intent-infinitive", pats: []string{
		"(will|werde|werd|wuerde|moechte|muss|vor|vorgenommen|vorhabe|plane|plan|beschlossen|entschieden|gedanken|gedanke|gedanken daran|drang|lust|urge|dran|daran|fantasien|phantasien|kurz davor|ueberlegt|ueberlege) ~6 (abzustechen|abstechen|kaltzumachen|kaltmachen|plattzumachen|plattmachen|abzuknallen|abknallen|umzulegen|aufzulauern|auflauern|zusammenzuschlagen|zusammenschlagen|zusammenzutreten|zu rammen|anzuzuenden|abzufackeln|zu vergiften|zu erwuergen|zu erschiessen|zu erstechen|zu ersticken|zuzudruecken|fertig zu machen|fertigzumachen|zu verpruegeln|verpruegeln|zu bestrafen|die kehle)",
		"(vor|will|werde|plane|gedanken|drang) ~3 (den|die|ihn|sie|meinen|meine|jemanden|alle|diesen|diese) ~3 umzubringen",
		"(abzufangen|abzupassen|abpassen|abfangen) und ~3 (fertig zu machen|fertigzumachen|zusammenzuschlagen|abzustechen|plattzumachen|kaltzumachen|zu verpruegeln)",
		"(mit (ihm|ihr|dem|der|denen|ihnen)|mit dem kerl|mit dem typen) (abrechnen|abrechne|abzurechnen|rechne ich ab)", "(rechne|rechnen) ich mit (ihm|ihr|dem|der|denen|ihnen) ab",
		"liste ~3 (namen|leuten|leute|personen) ~8 (abzuarbeiten|abarbeiten|heimzuzahlen|zu bestrafen|dran glauben)",
		"(muss|soll|wird) (jemand|einer) dran glauben",
		"(eine|eins|einen) (reinzuhauen|reinhauen|reinzuschlagen|zu verpassen) ~2 bis",
		"(will|wollte|moechte) ~3 (seinen|ihren) (kopf|hals|tod)",
		"(nehm|nehme) ich ~5 mit ~3 (nichts mehr zu verlieren|sollen sehen|soll sehen)",
	}},
	{id: "outcome", pats: []string{
		"(dass|bis|damit) (er|sie|der|die|ihm) ~3 (nicht mehr|nie mehr|nie wieder) (aufsteht|aufstehen|laufen kann|gehen kann|aufwacht|atmet|sprechen kann)",
		"(dass|bis) (er|sie|der|die) ~2 ins krankenhaus (muss|kommt)",
		"(kriegt|bekommt|kriegen|kriegst) ~3 (aufs maul|auf die fresse|auf die schnauze|eins auf die fresse|eine auf die fresse|die fresse poliert|eine abreibung)",
		"(nicht|nie) (erleben|ueberleben) ~4 (dafuer sorg|dafuer sorge|sorg ich|sorge ich)",
		"(die|der|er|sie|du|ihr|alle) (werden|wird|wirst) (bluten|es bereuen|es buessen|das bereuen|das buessen)",
	}},
	{id: "weapon-to-someone", pats: []string{
		"({weapon}|axt|eisenstange|klappmesser|kuechenmesser|schreckschuss|schreckschusswaffe|schreckschusspistole|kanister|benzin|baseballschlaeger|jagdgewehr) ~8 (zu ihm|zu ihr|zu denen|vor seinem|vor ihrem|vor seiner|vor ihrer|hinter meinem|hinter meiner|auf ihn los|auf sie los|auf ihn|gegen meinen|gegen ihn|in der firma|auf der arbeit|in der schule|ihm nach|ihr nach|hinterher)",
		"(vor|hinter) (seinem|ihrem|seiner|ihrer|dem|meinem|meiner) ~2 (haus|wohnung|tuer|firma|auto|bett|mann|frau) ~6 ({weapon}|axt|eisenstange|klappmesser|kuechenmesser|kanister|benzin|baseballschlaeger)",
		"(pistole|knarre|waffe|schreckschusswaffe|gewehr) (abgekauft|besorgt|gekauft|bestellt|umgebaut|besorgen) ~8 (wenn|sobald|falls|dann|mein|meine|der|die|vermieter|ex|chef)",
		"(soll|sollst) mir ~2 (ne|eine) (knarre|waffe|pistole) besorgen",
		"(schreckschuss|schreckschusswaffe|schreckschusspistole) ~2 umgebaut",
		"(gedanken|gedanke|denk|denke|dran) ~6 (sie|die|ihn|waffe|pistole|gewehr) gegen (meinen|meine|den|die|ihn|sie) ~1 [nachbarn|nachbar|chef|ex|mann|frau|vater|mutter] (zu benutzen|einzusetzen|zu richten)",
		"(bring|bringe) ~2 (morgen|heute|heute|naechste woche|montag) was mit ~3 (nicht vergessen|nie vergessen|sehen werden|werden sehen)",
	}},
	{id: "act-done", flags: fRecent, pats: []string{
		"(habe|habe|hatte) [ich] ~4 (ihn|sie|(meinen|meine|mein|den|die|das|einen|eine|einen|ne) [kleinen|kleine|fremden|dementen|eigenen|eigene] {dperson}) ~5 (geschlagen|geschubst|gewuergt|geschuettelt|verpruegelt|geohrfeigt|zusammengeschlagen|bewusstlos geschlagen|gebissen|gekniffen)",
		"(habe|habe|hatte) [ich] ~4 (ihn|sie|(meinen|meine|mein|den|die|das|einen|eine|einen|ne) [kleinen|kleine|fremden|dementen|eigenen|eigene] {dperson}) ~4 (gegen die wand|an die wand|gegen das regal|gegen den schrank|auf den boden|zu boden|die treppe runter|aufs gleis|vor den zug|am hals) ~2 (gedrueckt|geworfen|geschubst|gestossen|geschleudert|gepackt|geknallt)",
		"(habe|habe) ~4 (meiner|meinem|ihm|ihr) ~3 (ein glas|eine flasche|einen teller|den teller|eine tasse|das handy) (an den kopf|ins gesicht) (geworfen|geschmissen|geknallt)",
		"(wie ich|dass ich) (meinem|meiner|ihm|ihr|dem|der) ~2 das leben (nehm|nehme)",
		"habe ~4 (an den haaren|am kragen|am hals) ~4 (gezogen|gepackt|gezerrt|geschleift|gewuergt|gedrueckt)",
		"habe ~4 die treppe (runtergestossen|runtergeschubst|hinuntergestossen)",
		"(hand|finger|arm) ~3 (auf die herdplatte|auf den herd|ins heisse wasser|ins kochende wasser) ~2 (gedrueckt|gehalten|gelegt)",
		"(fast|beinahe|kurz davor) ~4 (fallen gelassen|fallen zu lassen|geschlagen|erwuergt|erstickt|geschuettelt|erstochen|gestossen)",
		"(angst|sorge) dass ich (sie|ihn|es|das baby|mein baby|meinen sohn|meine tochter|den kleinen|die kleine) ~2 (schuettel|schuettle|schuettele|schlage|schlag|fallen lasse|werfe)",
		"(bewusstlos|krankenhausreif|k o|windelweich) (geschlagen|gepruegelt|getreten|gehauen)",
		"(mit dem messer|mit einem messer|mit einem messer|mit dem kuechenmesser) ~3 (auf ihn|auf sie|auf meinen|auf meine|hinter ihm|hinter ihr|hinter meinem|hinter meiner) ~2 [los|gestanden|stand|gegangen]",
		"(ihm|ihr|dem|der) (nachgefahren|nachgelaufen|aufgelauert|nachgeschlichen) ~8 (bremsen|messer|waffe|zurueckhalten|beherrschen|umbringen|abstechen)",
		"(laufe|lauf|fahre|fahr|folge|folg) ~6 (hinterher|nach) ~4 mit (dem|einem|einem|meinem) ({weapon}|kuechenmesser|klappmesser)",
		"(verfolgt|verfolge|nachgefahren) ~4 (will|wollte) (ihn|sie) (rammen|ueberfahren|abdraengen)",
	}},
	{id: "third-party", flags: fNoSubject, pats: []string{
		"(sagt|meint|schreibt|droht) (er|sie) (sticht|ersticht|erschiesst|erschlaegt|toetet|ueberfaehrt|faehrt) (den|die|seine|ihre|seinen|ihren|das|einen|eine|ihn|sie|jemanden|alle) ~4 (ab|um|tot|$|rein)",
		"geschlagen ~6 (er|sie) (macht|tut) (es|das) wieder",
		"(faehrt|fahre|fahren) ~3 mit dem (auto|wagen|lkw) (in den|in die|in das) ~2 (rein|hinein)",
	}},
	// Fitted batches 35 to 43.
	{id: "threat-or-plan", pats: []string{
		"(tu|tue|antu|antue) (ihm|ihr|ihnen|dem|der|meinem|meiner|seinem|seiner) ~3 (was|etwas|weh|richtig weh) [an]",
		"(jemandem|ihm|ihr|ihnen|meinem|meiner|meinen|seinem|seiner|dem|der) ~2 [richtig|so|sehr] (weh tun|weh zu tun|wehtun|wehzutun|weh tue|wehtue) ~3 (will|werde|moechte|wollen|zu wollen|mache|vorgenommen|beschlossen|angst)",
		"(will|werde|moechte|vorgenommen|beschlossen|vor) ~6 (jemandem|ihm|ihr|ihnen|meinem|meiner|seinem|seiner) ~2 [richtig|so|sehr] (weh tun|weh zu tun|wehtun|wehzutun)",
		"mit (ihm|ihr|ihnen|allen|euch|denen|den kindern) (drin|darin)",
		"(gesagt|geschrieben|geschickt|gemailt|gedroht|sprachnachricht|zettel|drohbriefe|drohbrief) ~8 (du bist tot|bist du tot|der naechste|die naechste|nicht ueberlebt|nicht ueberleben|keiner lebend|niemand lebend|bald was passiert|bald etwas passiert|gnade ihm gott|kaltmachen|abstechen|auflauer|auflauere)",
		"gnade (ihm|ihr|dir|euch|denen) gott",
		"(er|sie|der|die) (wird|werden) (das|es|dafuer) (bereuen|buessen)", "(zahlt|buesst) (er|sie) dafuer",
		"soll ~1 sehen was passiert", "(sonst|dann) passiert (was|etwas) mit (denen|dir|ihm|ihr|euch|ihnen)",
		"(werd|werde|will) (ihn|sie|die|den) ~2 leiden lassen",
		"(will|moechte) ~1 dass ~4 (stirbt|krepiert|verreckt|tot ist)",
		"bis (er|sie) sich nicht mehr (bewegt|ruehrt)", "(laeuft|steht) danach nicht mehr",
		"(schlag|schlage|hau|haue|tret|trete) ich ~2 (ihn|sie|den|die) bis",
		"(brech|breche) (ihm|ihr|dem|der) (den|die|das) ~1 (arm|arme|beine|bein|genick|nase|kiefer|finger|knochen)",
		"(brech|breche) ich (ihm|ihr|dem|der) (den|die|das) ~1 (arm|arme|beine|bein|genick|nase|kiefer|finger|knochen)",
		"(schlag|schlage|hau|haue) ~6 (den schaedel|die fresse|den kopf|die zaehne|die birne) ~1 ein",
		"(eine|ne) lektion (bei|erteilen|beibringen)",
		"(hau|haue) (den|die) (naechsten|naechste|erstbesten|typen|kerl) um",
		"(fahr|fahre|rase|steuer|steuere) ~3 mit dem (auto|wagen|lkw|transporter) in die ~1 (menge|menschenmenge|leute|demonstranten|demo|fussgaenger|fussgaengerzone|kinder)",
		"(extra|absichtlich|mit absicht) ~3 (auf|in) (den|die|das) ~1 (radler|radfahrer|fussgaenger|fussgaengerin|kind|menge) ~1 (zugefahren|gefahren|zugerast)",
		"ueber den haufen (fahren|zu fahren|fahr|fahre|gefahren)",
		"(ramm|ramme) (das|den|die) ~1 (auto|wagen) von",
		"wie ich ~6 (abstech|absteche|erschiess|erschiesse|erstech|ersteche|kaltmach|kaltmache|erwuerg|erwuerge)",
		"(leute|menschen|alle|ihn|sie|die) ~4 mitzunehmen wenn ich (geh|gehe|sterbe)",
		"(nehm|nehme) ich die kinder mit ~4 (keiner|niemand) ~3 (kommt zurueck|ueberlebt|lebend)",
		"(auflauer|auflauere|lauere|lauer) (dem|der|ihm|ihr|ihnen)", "(ihm|ihr|ihnen|dem|der) (auflauer|auflauere|auflauern|aufzulauern)",
		"(meinem|meiner|ihm|ihr|dem|der) ~3 ins (essen|trinken|getraenk|glas|bier) ~2 (zu tun|tun|zu mischen|mischen|zu kippen|kippen|geben)",
		"(vergift|vergifte|erschiess|erschiesse|erstech|ersteche) ich (ihn|sie|den|die|euch|dich)",
		"(saeure|benzin|spiritus|kochendes wasser|heisses oel) ~3 ins gesicht ~2 (kipp|kippe|kippen|schuetten|schuette|werfen|zu kippen)",
		"(fackel|fackle|abfackel) ~3 (seine|ihre|die|deren) ~1 (bude|haus|wohnung|auto|laden|praxis|schule) ab",
		"(zuend|zuende) ~4 (das auto|das haus|die wohnung|die bude) ~4 an",
	}},
	{id: "weapon-v2", flags: fNoSubject, pats: []string{
		"{dweapon} ~3 {dready} ~8 {dtarget}",
		"{dtarget} ~8 {dweapon} ~3 {dready}",
		"(habe|habe|habe ich) ~3 {dweapon} ~3 {dready} ~4 {dtarget}",
		"{dweapon} ~8 (fahr ich hin|geh ich hin|fahre ich hin|gehe ich hin|rueber|zu ihm|zu ihr|auf dem weg zu)", "(fahr ich hin|geh ich hin|fahre ich hin|gehe ich hin|rueber|zu ihm|zu ihr|auf dem weg zu ihm|auf dem weg zu ihr) ~8 {dweapon}",
		"({dweapon}|kissen) ~8 (hinter ihr|hinter ihm|ueber meinem|ueber meinen|ueber ihm|ueber ihr|an ihrer tuer|an seiner tuer|vor seiner tuer|vor ihrer tuer|vor seinem bett|neben seinem bett|neben dem bett)",
		"(hinter ihr|hinter ihm|ueber meinem|ueber meinen|ueber ihm|ueber ihr|an ihrer tuer|an seiner tuer|vor seiner tuer|vor ihrer tuer) ~8 ({dweapon}|kissen)",
		"{dweapon} ~4 (nicht zum schutz|fuer wenn ich|fuer den fall dass ich ihn|fuer den typen|fuer die typen)",
	}},
	{id: "voices", flags: fNoSubject, pats: []string{
		"(stimme|stimmen) ~4 (sagt|sagen|befiehlt|befehlen) ~6 (toeten|umbringen|bestrafen|verletzen|abstechen|umzubringen|zu toeten|zu verletzen|wehtun|weh tun)",
	}},
	// Round 4, fitted batches 26 to 43.
	{id: "threat-or-plan", pats: []string{
		"(hau|haue|schlag|schlage|tret|trete) (den|ihn|die|sie) ~3 zusammen",
		"(polier|poliere) ich ~2 (die fresse|die schnauze|das gesicht)",
		"(werd|werde|will) ~3 jemanden ~2 (verletzen|umbringen|abstechen|schlagen|toeten)",
		"(ihm|ihr|dem|der|meinem|meiner) ~2 (ein|das|einen|mein) (messer|klinge) ~2 (in den bauch|in die brust|ins herz|in den hals|in den ruecken) ~1 (rammen|zu rammen|stechen|zu stechen|ramme|stech)",
		"wie ich ~6 (zusammenschlag|zusammenschlage|verpruegel|verpruegele|ueberfahr|ueberfahre|vergift|vergifte)",
		"liste mit (namen|leuten) ~8 (waffe|messer|besorgt|abzuarbeiten)",
		"{dweapon} (hin|rueber|vorbei) $",
		"(gesagt|geschrieben|gemailt|geschickt) ~4 dass (er|sie|du) bald tot",
		"(du bist|bist du|ist er|er ist|sie ist|ist sie) als (naechstes|naechster|naechste) dran",
		"(keiner|niemand) ~2 mehr ueber mich lachen", "(allen|euch|denen) das lachen vergehen",
		"(pruegel|pruegele) ich (es|das) aus (ihm|ihr)",
		"(er|sie|der|die) soll (leiden|bluten)",
		"das antun was (er|sie) mir angetan",
	}},
	// Round 6 (fitted batches 26-43, 56, 57, 62; 58, 60, 63, 64 checked
	// before): a weapon made ready or a target watched counts as harm when
	// the message also threatens ("wird das bereuen", "dann passiert was",
	// fThreat, helper hThreat); a threat with a time (fPlan); and the acts
	// themselves, told with their object.
	{id: "r6-ready", flags: fPlan | fThreat, pats: []string{
		"{dweapon} ~3 ({dready}|geschliffen|mitgenommen|bereit gelegt|bereitgelegt|i am spind|i am keller|in der tasche|in der jacke|umgebaut)",
		"(was|etwas) (besorgt|gekauft|dabei) $",
	}},
	{id: "r6-stalk", flags: fPlan | fThreat, pats: []string{
		"(weiss|weis) (wo|wann) (er|sie|der|die|seine|ihre|die alle) ~3 (wohnt|wohnen|parkt|parken|arbeitet|trainiert|heimkommt|faehrt|ist|sind|schlaeft)",
		"(wart|warte|steh|stehe|sitz|sitze) ~4 vor (seiner|ihrer|seinem|ihrem|der|dem) ~1 (wohnung|haus|haustuer|tuer|praxis|schule|arbeit|firma)",
		"(adresse|wohnort|nummern|kennzeichen) ~3 (rausgefunden|herausgefunden|besorgt|gemerkt|aufgeschrieben)",
		"(beobachte|beobachten|verfolge|verfolgt) (sie|ihn|das haus|ihr haus|sein haus|die|den|einen) ~3 (schon|seit|jeden tag|$)",
	}},
	{id: "r6-threat", flags: fPlan, pats: []string{
		"(wird|werden|soll|sollen) ~3 (bereuen|dafuer bezahlen|bezahlen|dafuer zahlen|sehen was passiert|leiden)",
		"(kriegt|kriegen|bekommt|bekommen) ~3 (was ab|was er verdient|was sie verdient|was sie verdienen|was die verdienen)",
		"(zahlen|bezahlen) (die|der|sie|er) (alle|alle dafuer|dafuer)",
		"(dann|sonst) (passiert was|passiert etwas|knallts|knallt es|rappelts)",
	}},
	{id: "r6-act", pats: []string{
		"(stech|steche) ~1 (ihn|sie|den|die|dich|euch) ab",
		"(ihn|sie|den|die|meinen|meine|ihren|seinen|chef|kollegen|nachbarn|ex|typen) ~3 (abstechen|abzustechen|kaltmachen|kaltzumachen|abfackeln|abzufackeln|umfahren|umzufahren|abpassen|abzupassen|abzufangen|aufsuchen|auflauern)",
		"(fresse|goschn|schaedel|visage|zaehne|nase) ~3 (polieren|poliere|einschlagen|einschlagn|einschlage|ei|brechen)",
		"(abfackel|abfackeln|abzufackeln)", "(haus|huette|wohnung|auto|bude|laden|hof|scheune) ~2 (anzuenden|anzuende|anzuzuenden)",
		"(zuend|zuende) ~1 (dem|der|den|ihm|ihr|ihnen) ~3 (huette|haus|wohnung|auto|bude|laden) (an|ab)",
		"kissen ~3 (aufs|auf das|auf sein|auf ihr) gesicht",
		"(haende|hand|finger) (am|um den) hals (von|meiner|meines|seiner|ihrer|meinem)",
		"(baby|kind|kleinen|kleine|sohn|tochter|saeugling) ~4 (zu schuetteln|schuetteln|geschuettelt|aufs bett geworfen|geworfen)",
		"(meinem|meiner|dem|der|den) ~1 {dperson} ~4 (was antun|was anzutun|etwas antun|etwas anzutun|weh tun|wehtun|wehzutun|weh zu tun|richtig weh)",
		"treppe ~3 (runterstossen|runterschubsen|runterzustossen|hinunterstossen|runter stossen)",
		"(bremsen|bremsleitung) ~3 (manipulieren|manipuliert|durchschneiden|durchgeschnitten|anzuschneiden)",
		"(ueber den haufen) (fahr|fahre|fahren)", "(fahr|fahre) ~3 ueber den haufen",
		"(liste|namen) ~8 (abarbeiten|abzuarbeiten|erledigen|drankommen)",
		"(nehm|nehme) ~4 (die ganze|alle|die) ~1 (behoerde|firma|klasse|schule|abteilung|familie) mit",
	}},
	// Round 7 (fitted batches 26-67): a threat in German word order after
	// a condition ("wenn er nochmal..., schieß ich ihm in die knie"), an
	// intent with the victim first ("werde ich ihn mit dem spaten
	// erschlagen"), a plan with zu ("ich plane den kerl zu überfahren"),
	// poison for someone, a weapon carried with a threat (fThreat).
	{id: "r7-threat", pats: []string{
		"(schiesse|steche|schlage|haue|erschlage|vergifte|schubse|erwuerge|ueberfahre|knalle|breche|zerre|schiess|stech|schlag|hau|erschlag|vergift|schubs|erwuerg|ueberfahr|knall|brech|zerr) ich ~1 (ihm|ihn|ihr|sie|den|dem|der|meinen|meine|meinem|meiner|dich|euch) ~4 (ab|um|kaputt|fertig|tot|in die knie|eine rein|ueber den kopf|ueber den schaedel|vor die|die finger|das genick|kalt|nieder|zusammen|den topf|die flasche)",
		"(werde|will) ich (ihn|sie|den|die|ihm|ihr|dich|euch) ~4 (erschlagen|erstechen|abstechen|umbringen|toeten|ueberfahren|vergiften|verpruegeln|zusammenschlagen|kaltmachen|abknallen|erschiessen|fertigmachen|kaputtmachen|weh tun|wehtun)",
		"ich (werde|will) (ihn|sie|den|ihm|ihr|dich|euch|meinen|meine|meiner|meinem) ~4 (erschlagen|erstechen|abstechen|umbringen|toeten|ueberfahren|vergiften|verpruegeln|zusammenschlagen|kaltmachen|abknallen|erschiessen|fertigmachen|kaputtmachen)",
		"(plane|plan|habe vor|beschlossen|ueberlegt|gedanken|gedanke) ~6 (abzuarbeiten|zu ueberfahren|abzustechen|umzubringen|zu erschlagen|zu vergiften|weh zu tun|wehzutun|abzufangen|kaltzumachen|zu manipulieren|durchzuschneiden|zu erwuergen|zu erstechen|zu schubsen)",
		"(den|die|ihn|sie) (mache|mach) ich (fertig|kaputt|kalt|platt)", "ich (mache|mach) (ihn|den {dperson}|die {dperson}|meinen {dperson}|meine {dperson}) ~1 (fertig|kaputt|kalt|platt)",
		"(vergifte|vergift|vergiften|vergiftet) ~3 (ihren|seinen|den|die|ihr|sein) ~1 (kaffee|tee|essen|trinken|getraenk|hund|katze|kater)",
		"(rattengift|gift|kaliumchlorid) ~4 (fuer|in) (den|die|ihren|seinen|seine|ihre|dem) ~2 ({dperson}|kaffee|tee|essen|infusion)",
		"(tabletten|schlaftabletten|tropfen) ~4 (reichen|reicht) fuer (ihn|sie)",
		"(wird|werden) (das|es) nicht ueberleben",
	}},
	// Fitted batch 70: acts done to someone, images of doing it, threats.
	{id: "r7-act", pats: []string{
		"habe (ihm|ihr|ihn|sie|dem|der|den|einem|einer|meinem|meiner|meinen|meine) ~4 (ins gesicht geschlagen|eine verpasst|eine geknallt|eine gescheuert|eine runtergehauen|geschubst|einen schubs gegeben|gewuergt|zusammengetreten|zusammengeschlagen|verpruegelt|getreten|zurueckgebissen|an den haaren gezogen|am ohr gezogen|an die wand geworfen|die treppe runtergeschubst|ins gesicht gedrueckt|zugeklebt|zugehalten|absichtlich gestreift|abgepasst und)",
		"(wasserkocher|flasche|glas|teller|tasse|stuhl|messer|topf|pfanne|buegeleisen) ~2 nach (ihr|ihm|ihnen|meiner|meinem|der|dem|den) ~2 geworfen",
		"(mund|maul) ~4 (zugeklebt|zugehalten|zugedrueckt)",
		"(bilder|gedanken|bild) ~6 wie ich ~4 (runterschubse|schubse|werfe|erwuerge|ersteche|erschlage|vergifte|umbringen|ueberfahre|auflauere)",
		"dass ich (die kleine|das baby|mein baby|den kleinen|ihn|sie) ~3 (fallen lasse|werfe|schuettle|ersticke)",
		"(traeum|traeume|traeumte) davon ~3 zu (erwuergen|erstechen|erschlagen|toeten|umzubringen|vergiften|ersticken)",
		"(angefangen|beginne|fange an) zu planen wie ich", "(gedanken|will|moechte|lust|drang|vor|vorhabe) ~3 (meinen|meine|den|die) ~1 {dperson} ~4 (was anzutun|etwas anzutun)",
		"(der|die|er|sie) (geht|kommt) hier nicht heil raus", "(dann|und dann) (knallts|knallt es|gibt es aerger) ~6 habe ~3 (jungs|leute)",
		"ich (mache|mach) den fertig", "dann (mache|mach) ich (den|die|ihn|sie) (fertig|kalt|platt|kaputt)",
		"(dem|der|ihm|ihr) ~2 (den kiefer|die nase|die beine|die finger|das genick|die knochen|die rippen) (brechen|zu brechen|breche)",
		"(ihm|ihr|dem|der) ~4 (auflauere|auflauern|aufzulauern)",
		"(gedroht|drohe) ~3 dass ich ~4 (absteche|umbringen|anzuende|erschlage|abknalle|abfackle|kaputt mache|fertig mache)",
		"({dweapon}|kuhfuss|schlagring) ~3 (eingesteckt|eingepackt|mitgenommen|i am kofferraum|dabei) ~4 (fahr|fahre|geh|gehe|steh|stehe) ~3 (hin|rueber|los|vor)",
	}},
	{id: "r7-threat", flags: fPlan | fThreat, pats: []string{
		"(trage|trag|habe|hob) ~3 (immer|jetzt|eh|schon) ~2 {dweapon} ~3 (dabei|in der tasche|in meiner handtasche|unter bett|i am auto|daheim|i am schrank|mit)",
		"{dweapon} (habe|hob) ich ~2 (daheim|dabei|i am auto|zuhause|i am schrank|eh)",
		"(bringe|bring|komme|komm) ~3 (mit der|mit dem|mit einer|mit einem|ein|eine|einen) ~1 {dweapon}",
	}},
}

// German rules for abuse and danger at home.
var abuseDE = []ruleDef{
	{id: "violence", flags: fRecent, pats: []string{
		"(schlaegt|schlug|tritt|wuergt|wuergte|vergewaltigt|missbraucht|bedroht|begrapscht|fasst|verpruegelt) (mich|uns|meine|meinen|mir)",
		"(hat|haben|hatte) (mich|uns|meine mutter|meine schwester|meinen bruder|mein kind|meine kinder|meine tochter|meinen sohn) ~3 (geschlagen|gewuergt|getreten|gestossen|runtergestossen|vergewaltigt|missbraucht|bedroht|angefasst|verletzt|eingesperrt|verpruegelt)",
		"(droht|drohte|hat gedroht|bedroht) ~3 (mich|mir|uns) ~3 (umzubringen|umbringen|zu schlagen|wehzutun|zu toeten)",
		"(haeusliche gewalt|gewalt zuhause|gewalt zu hause) ~4 (erlebe|erfahre|leide|bin|opfer)",
		"(opfer|erlebe|erfahre) ~3 (haeuslicher gewalt|haeusliche gewalt)",
	}},
	{id: "danger-at-home", pats: []string{
		"(angst|fuerchte mich|fuercht mich) (vor meinem|vor meiner|vor ihm|vor ihr) ~1 [mann|freund|partner|frau|freundin|vater|mutter|stiefvater|ex|bruder|sohn]",
		"(angst|traue mich nicht|trau mich nicht) ~3 nach hause",
		"(zuhause|zu hause|daheim) ~3 nicht sicher",
		"nicht sicher ~2 (zuhause|zu hause|daheim)",
		"(tut|tun) mir (zuhause|zu hause|daheim) weh",
	}},
	{id: "control", pats: []string{
		"(zwingt|zwang|gezwungen|draengt) (mich|uns) ~3 (sex|sexuellen|mit ihm zu schlafen|mit ihr zu schlafen)",
		"(nimmt|nahm|nehmen) mir ~3 (geld|handy|karte|pass|schluessel|rente) ~2 (weg|ab)",
		"(laesst|liess|lassen) mich nicht (raus|gehen|weg|allein raus|aus dem haus)",
		"(kontrolliert|kontrollieren) (mein|meine) (geld|handy|leben)",
		"sperrt mich (ein|aus)",
	}},
	// Fitted batch 8: threats reported, holding and bruising, abuse of a named person.
	{id: "threat-or-abuse", pats: []string{
		"(gesagt|droht|drohte|gedroht|meint|sagt) ~8 (tut|tue|antut|tun) (er|sie) ~1 (mir|uns) (was|etwas|weh) [an]",
		"(gesagt|droht|drohte|gedroht|meint|sagt) ~8 (er|sie) ~1 (tut|antut|tun) (mir|uns) (was|etwas|weh) [an]",
		"(tut|tun|antut) ~2 (mir|uns) (was|etwas) $",
		"(packt|packte|zerrt|zerrte|schubst|schubste|kneift|kneifte|schuettelt|schuettelte|haut|haute|greift|griff) mich ~5 (blaue flecken|blauen flecken|blutergues*|weh tut|wehtut|schmerzen)",
		"(missbraucht|missbrauchte|misshandelt|misshandelte|begrapscht|vergewaltigt|schlaegt|schlug) (meine|meinen|mein|seine|seinen|ihre|ihren|die|den|das) ~1 (cousine|cousin|tochter|sohn|kind|kinder|schwester|bruder|nichte|neffe|enkel|enkelin|mutter|oma|opa|kleine|kleinen)",
	}},
	// Fitted batch 9.
	{id: "violence-v2", pats: []string{
		"(hat|haben|hatte) (mich|uns|meine mutter|meine schwester|meinen bruder|mein kind|meine kinder|meine tochter|meinen sohn) ~5 (geschubst|gepackt|geohrfeigt|gekniffen|gewuergt|geschlagen|gestossen|getreten|an den haaren gezogen)",
		"(gedroht|droht|drohte|bedroht) ~5 (umbringt|umbringen|umzubringen|toetet|zu toeten|abzustechen|wehtut|weh tut|wehzutun|schlaegt|abzustechen)",
	}},
	// Fitted batch 10.
	{id: "reported-or-marks", pats: []string{
		"(papa|vater|mama|mutter|stiefvater|stiefmutter|onkel|opa|freund|mann|partner|lehrer|trainer) (sie|ihn|mich|uns|es) (schlaegt|missbraucht|anfasst|verpruegelt|tritt|wuergt|einsperrt)",
		"(blaues auge|blaue flecken|blauen flecken|platzwunde|geplatzte lippe) ~2 von (ihm|ihr|meinem|meiner)",
	}},
	// Fitted batch 11.
	{id: "control-v2", pats: []string{
		"(droht|drohte|bedroht) (mir|mich) ~4 (wenn|falls|sobald)",
		"(liest|kontrolliert|checkt|durchsucht) ~2 (meine|alle meine) (nachrichten|handy|chats|mails|emails)",
	}},
	// Fitted batch 12.
	{id: "permission", pats: []string{
		"(darf|duerfen) ~2 nicht ohne (erlaubnis|seine erlaubnis|ihre erlaubnis)",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose", pats: []string{
		"(droht|drohte|gedroht|bedroht) ~3 (mir|mich|uns) ~8 (verpruegelt|verpruegeln|schlaegt|schlagen|umbringt|umbringen|toetet|rauswirft|rausschmeisst|wehtut|weh tut)",
		"(lauert|lauerte|aufgelauert|verfolgt|verfolgte|stalkt|gestalkt|belaestigt|belaestigte) ~1 (mir|mich|uns) ~4 [auf]",
		"(pfleger|pflegerin|pflegekraft|pflegeheim|betreuer|betreuerin|heim|stiefvater|stiefmutter|babysitter) ~6 (schreit|schlaegt|schubst|anschreit|grob|kneift|fesselt|sperrt|packt|zerrt)",
	}},
	// Fitted batch 14.
	{id: "compose", pats: []string{
		"(kommt|kam|schleicht|schlich|geht|ging|kommen) ~3 (nachts|in der nacht|abends) ~2 in (mein|unser|ihr|sein) (zimmer|bett|schlafzimmer)",
		"(bringt|bringe|bring|braechte|bringen) (er|sie) (mich|uns|die kinder|mich und die kinder) ~4 um",
		"(darf|duerfen) ~3 (freunde|freundinnen|familie|eltern|schwester|mutter) nicht (sehen|treffen|besuchen|anrufen)",
		"(nimmt|nahm|kassiert|behaelt) (mein|meine|meinen) (gehalt|geld|lohn|rente|karte|bankkarte|ec karte)",
		"kontrolliert (wo ich|mit wem ich|wann ich|alles was ich)",
		"(geworfen|wirft|warf|schmeisst|schmiss|geschmissen|gepfeffert) ~2 nach (mir|uns|meinem|meiner)", "nach (mir|uns) ~1 (geworfen|geschmissen|gepfeffert)",
	}},
	// Fitted batch 15.
	{id: "compose", flags: fRecent, pats: []string{
		"(schubst|schubste|stoesst|stiess|kneift|beisst|biss|kratzt|schuettelt|spuckt|ohrfeigt) (mich|uns|meine|meinen|mir) [rum|herum|an|weg]",
		"(droht|drohte|gedroht) ~3 (nacktbilder|bilder|fotos|videos|nacktfotos) ~2 (posten|veroeffentlichen|zu posten|zu veroeffentlichen|zu schicken|rumzuschicken)",
		"(sperrt|sperrte|schliesst|schloss) (mich|uns) ~4 (ein|weg)",
	}},
	// Fitted batch 16.
	{id: "compose", pats: []string{
		"(gesagt|droht|drohte|gedroht|meint) ~4 (er|sie) ~1 (bricht|brechen|schlaegt|verpruegelt) (mir|mich) ~2 (die beine|die arme|die knochen|das genick|die finger|tot|windelweich)",
		"(laesst|liess) (mich|uns) ~3 (hungern|dursten|frieren)",
		"(laesst|liess|lassen) mich nicht ~3 (raus|gehen|weg|aus dem haus|aus der wohnung|alleine)",
		"(schlaegt|tritt|wuergt|verpruegelt) (wieder|schon wieder|oft|staendig|immer) (mich|uns|meine|meinen)",
		"(mich|uns) ~2 (zum sex|zu sex|zu sexuellen handlungen) ~1 (gezwungen|gedraengt|genoetigt|zwingt)",
	}},
	// Fitted batch 17.
	{id: "compose", pats: []string{
		"(sperren|sperrt|sperrte|sperrten|schliessen|schliesst) (mich|uns) ~4 (ein|weg|in mein zimmer|ins zimmer|in den keller|ins bad)",
		"(hat|haben) (mich|uns) ~3 mit (einem|dem|der|einer|seinem|ihrem) ~1 (*messer|waffe|pistole|schlaeger|hammer|flasche) bedroht",
		"(laesst|sperrt|schickt|zwingt|macht) (mich|uns) ~4 (zur strafe|als strafe)", "(zur strafe|als strafe) ~4 (mich|uns)",
		"(mich|uns) ~3 (am hals|an der kehle|am kragen) ~4 (gedrueckt|gepackt|gewuergt|gehalten|gegen die wand)",
	}},
	// Fitted batch 19.
	{id: "compose-neglect", pats: []string{
		"(kinder|kind|kleine|kleinen|baby) ~6 (kriegen|kriegt|bekommen|bekommt) (nichts|kein essen|kaum was) zu essen",
		"(kinder|kind|kleine|kleinen|baby|junge|maedchen) ~8 (brandwunden|brandflecken|brandmale|zigarettenbrandwunden|striemen)",
	}},
	// Fitted batch 20.
	{id: "compose-violence", pats: []string{
		"(verbietet|verbot|verboten) mir ~4 (zu sehen|zu treffen|rauszugehen|zu arbeiten|zu telefonieren|das haus zu verlassen)",
		"(feuerzeug|zigarette|zigaretten|buegeleisen|kippe|kerze) ~2 (verbrennt|verbrannt|brennt|gebrannt)",
		"(sagt|meint|sagte) ~3 ich (soll|darf) ~4 (eltern|mama|mutter|papa|vater|niemandem|keinem) ~2 (nicht sagen|nichts sagen|nicht erzaehlen|nichts erzaehlen|nichts verraten)",
		"(haende|hand) (um|an) (meinen|den) hals (gelegt|gedrueckt|genommen)",
	}},
	// Fitted batch 21.
	{id: "compose-violence", pats: []string{
		"(gebissen|gekratzt|geschlagen|getreten|gewuergt) ~4 bis ich ~2 (geblutet|blute|bewusstlos|ohnmaechtig)",
	}},
	// Fitted batch 22.
	{id: "compose-violence", pats: []string{
		"treppe (runtergestossen|hinuntergestossen|runtergeschubst|heruntergestossen)",
	}},
	// Fitted batches 26 to 31: someone else's violence, threats, captivity
	// and control, from vocabularies: a violent verb of the third person
	// with a victim, a threat with its condition ("wenn ich heimkomm bin
	// ich tot"), hiding or being locked in, bruises on a body part, a child
	// or an old person left without food or tied up.
	{id: "violence-v3", flags: fRecent, pats: []string{
		"(schlaegt|schlagen|verpruegelt|verpruegeln|pruegelt|misshandelt|misshandeln|vergewaltigt|wuergt) (er|sie) (sie|ihn|mich|uns|seine|ihre|unsere|meine|meinen|mein|die kinder|das kind|den kleinen|die kleine)",
		"(schlaegt|verpruegelt|misshandelt|vergewaltigt|wuergt) (sie|ihn) ($|gerade|grad|jeden|immer|oft|wieder|mit|wenn|und|vor den kindern|regelmaessig|staendig)",
		"(schlaegt|schlagen|verpruegelt|verpruegeln|pruegelt|misshandelt|tritt|treten|wuergt) (seine|ihre|unsere|meine|meinen|mein|die|den|das) [kleinen|kleine|neue|neuen|eigene|eigenen] {dperson}",
		"(schlagen|schlugen|treten|verpruegeln|misshandeln|pruegeln) mich",
		"(tritt|trat|schlaegt|schlug|haut|boxt) (er|sie) (mir|mich|uns) ~3 (in den bauch|ins gesicht|auf den kopf|in die rippen|gegen den kopf|in den ruecken)",
		"(er|sie|mann|freund|partner|vater|mutter|ex|papa|stiefvater|freundin|frau) ~3 (hat|hatte) ~3 (wieder|schon wieder|erneut|zum ersten mal|das erste mal|heute wieder|heute wieder|gestern wieder) zugeschlagen",
		"zugeschlagen ~3 (ins gesicht|in den bauch|mit der faust|auf den kopf)",
		"(ich wurde|wurde|werde|wurden|werden) ~6 (geschlagen|verpruegelt|misshandelt|missbraucht|vergewaltigt|sexuell belaestigt|begrapscht)",
		"(sie|ihn|mich|uns) (anfasst|angefasst|befummelt|begrapscht)", "(komisch|unsittlich|ueberall|intim|unten) (anfasst|angefasst|anfassen|beruehrt)",
		"(auf mich|auf uns|auf sie|auf mama) los $", "(ist|ging|geht) (auf mich|auf uns) los",
		"(an den haaren|am hals|an der kehle|am kragen|am genick) ~4 (gezogen|gezerrt|geschleift|gepackt|gewuergt|geschuettelt|gedrueckt|gerissen|packt|zerrt|zieht|wuergt|hochgehoben)",
		"(mich|sie|ihn|uns|die kleine|den kleinen|die kinder|das kind) ~4 (am arm|an den haaren|am hals|am ohr) ~3 (durch|durchs|ueber|ins|in den|in die|aus dem|aus der) ~2 (gezerrt|geschleift|gezogen|zerrt|schleift|zieht)",
		"(gegen die wand|an die wand|auf den boden|zu boden|die treppe runter) ~2 (geworfen|geschleudert|geschubst|gestossen|geknallt|schleudert|wirft)",
		"(hat|haben|hatte) (mir|meiner mutter|meiner mama|ihr|ihm|meinem bruder|meiner schwester) ~3 (die nase|den arm|den kiefer|die rippen|die finger|das handgelenk|den finger|die hand) ~2 (gebrochen|verdreht|eingeklemmt|ausgerenkt|umgedreht)",
		"(den arm|die finger|die hand|das handgelenk) ~3 (verdreht|eingeklemmt) ~3 (bis|geknackt)",
		"({weapon}|pistole|knarre) (an den kopf|an die kehle|an den hals|an die schlaefe|vors gesicht|an die brust) (gehalten|gedrueckt|gesetzt)",
		"(mich|uns|sie|ihn|das kind|das baby|die kleine|den kleinen) ~3 (aus dem fenster|vom balkon|ueber das gelaender) ~2 (halten|werfen|stossen|schubsen|gehalten|geworfen|gehaengt)",
		"(gewuergt|wuergt|wuergte) bis ~3 (schwarz|bewusstlos|ohnmaechtig|keine luft)",
		"(tuer|tuere|wohnungstuer|badezimmertuer|schlafzimmertuer) (eingetreten|eingeschlagen|aufgebrochen)",
		"(haemmert|haemmerte|schlaegt|tritt|trat|ballert|rammt|haut) ~3 (gegen|an) (die|meine|unsere) ~1 (tuer|badezimmertuer|badtuer|schlafzimmertuer|zimmertuer|wohnungstuer|haustuer)",
		"(schubserei|schlaege|tritte|pruegel) ~4 (wieder|faengt|angefangen|anschreien|das anschreien)",
		"sonst (gibt es|gibt es|setzt es|gibt) ~2 (schlaege|pruegel|haue|dresche)",
	}},
	{id: "threat-v3", flags: fRecent, pats: []string{
		"(droht|drohte|gedroht|bedroht) ~4 (mich|mir|uns) ~3 (anzuzuenden|zu finden|zu holen|wegzunehmen|umzubringen|zu toeten|zu schlagen|abzustechen|rauszuwerfen|zu verbrennen)",
		"(droht|drohte|gedroht) ~3 (dass|damit) ~6 (kinder|umbringt|tot|schlaegt|nie wieder|findet|wegnimmt|wegnehmen|verbrennt|anzuendet)",
		"(mann|freund|partner|vater|papa|ex|frau|freundin|partnerin|mutter|stiefvater) ~2 (sagt|meint|droht|hat gesagt|hat gedroht) ~2 (er|sie) (bringt|bringen) (mich|uns|die kinder|mich und die kinder) ~3 um",
		"(schlaegt|schlagen|pruegelt|bringt) (er|sie) (mich|uns|die kinder) ~2 (tot|um|windelweich|krankenhausreif)",
		"(gesagt|sagt|meint|droht|schreibt|schrieb|gedroht) ~8 (bin ich tot|bist du tot|bin ich dran|bin ich als naechstes dran|ich bin als naechstes dran|ich als naechstes dran)",
		"(tut|antut) (er|sie) (mir|uns|den kindern|ihr|ihm|mama) ~1 (was|etwas|weh) [an]",
		"(er|sie) (tut|tun) (den kindern|mir|uns|meiner mutter|mama) (was|etwas) an",
		"(weiss|wisse) wo (meine eltern|meine familie|meine kinder|meine mutter|ich wohne|ich arbeite) ~6 (macht|machen|antut|passiert|wenn ich)",
		"(droht|drohte|gedroht) ~4 (mich|mir) ~2 zu finden",
		"(er|sie|mein mann|mein freund|meine frau|mein partner|meine partnerin) darf ~2 nicht (wissen|merken|mitkriegen|erfahren) dass ich ~4 (schreib|schreibe|therapie|hier|euch|zur therapie|in therapie)",
		"(bestraft|bestrafte) (er|sie) (mich|uns|die kinder)", "(er|sie) (bestraft|bestrafte) (mich|uns|die kinder)",
		"(bilder|nacktbilder|fotos|videos) ~6 (schickt|schicke|verschickt|postet|veroeffentlicht) (er|sie) ~4 (wenn ich|falls ich|sobald ich)",
		"(nacktbilder|nacktfotos) ~6 (wenn ich|falls ich|sonst)",
	}},
	{id: "captive-or-control", flags: fRecent, pats: []string{
		"(mich|uns|die kinder|die kleine|den kleinen|mama|meine mutter|ihn|sie|papa) ~3 (eingesperrt|weggesperrt|festgebunden|gefesselt|angebunden|ans bett gebunden)",
		"(sitz|sitze|bin) ~3 (eingesperrt|eingeschlossen) ~6 (er|sie|schluessel)",
		"(habe|habe) mich ~3 (eingesperrt|eingeschlossen|versteckt) ~6 (er|sie) ~3 (schlaegt|haemmert|tritt|bruellt|schreit|steht|kommt|sucht)",
		"(er|sie) ~3 (schlaegt|haemmert|tritt|bruellt|schreit) ~6 (habe|habe) mich ~3 (eingesperrt|eingeschlossen|versteckt)",
		"(sperrt|sperrte|sperren|schliesst|schliessen) [er|sie] (ihn|sie|mama|papa|die kinder|meine mutter|meinen vater|den kleinen|die kleine|opa|oma) ~4 (ein|weg|ins zimmer|in den keller)",
		"(binden|bindet|band) (ihn|sie|mich|uns) ~2 fest",
		"(laesst|liess|lassen) (mich|uns|sie|ihn) (nicht|nie) ~4 (raus|aus dem haus|aus meinem zimmer|aus dem zimmer|aus der wohnung|weg)",
		"(losst|lasst) (mich|mich) ~1 (ned|nicht) ~3 (haus|raus)",
		"(kontrolliert|kontrollieren) ~2 (das ganze|mein ganzes|unser ganzes|das|mein|unser) ~1 geld",
		"(gibt|gab|geben) (sie|es|die) (mir|uns) (nur|erst) (wenn|falls|sobald)",
		"(teilt|teilte) (mir|uns) ~3 zu ~6 (nur wenn|wenn ich)",
		"(versteckt|versteckte) (meine|mein|meinen) (medikamente|tabletten|antidepressiva|medis|insulin|pass|ausweis|papiere|krankenkarte)",
		"(behaelt|behielt) ~1 (meine|mein|meinen) (krankenkarte|pass|ausweis|papiere|bankkarte|ec karte|gehalt|lohn|rente)",
		"(erlaubt|erlaubte) (mir|uns) (nicht|nie) ~3 (zum arzt|zur therapie|zur sitzung|rauszugehen|aus dem haus|zu arbeiten|freunde)",
		"(sperrt|sperrte|gesperrt) mir ~2 (das konto|die karte|die bankkarte|das handy)",
		"(handy|telefon) (zerschmissen|zerstoert|kaputt gemacht|weggenommen) ~4 (damit ich|abgemeldet|nicht wegkann|nicht weg kann)",
		"damit ich (nicht wegkann|nicht weg kann|nicht abhauen kann|nicht fliehen kann|niemanden anrufen kann)",
		"(tracker|gps tracker|peilsender|airtag) ~4 (an mein|in mein|an meinem|in meinem|auf meinem|in meiner|an meine) (auto|handy|tasche|rucksack|jacke)",
		"(mein ex|meine ex|exfreund|exmann|ex mann|ex freund|stalker|stalkerin) ~4 (steht|stand|wartet|lauert|taucht|klingelt|verfolgt|folgt) ~4 (vor meiner|vor der|vor meinem|ueberall|jede nacht|sturm|mit messer|mit einem messer)",
		"(gefluechtet|geflohen|abgehauen) ~6 (gefunden|steht unten|steht vor|findet mich)",
		"(geben|gibt|gab|gaben) (mir|uns|ihm|ihr|den kindern) (kein essen|nichts zu essen|nichts zu trinken)",
		"(kinder|kind|kleinen|kleine|baby|die sind #) ~6 (tagelang|naechtelang|seit tagen|stundenlang) (allein|alleine|eingesperrt)",
		"(hunger|kein essen|nichts zu essen) ~6 (sperrt|eingesperrt|blaue flecken|allein|alleine)",
	}},
	{id: "marks", flags: fRecent | fHarm, pats: []string{
		"(blaue flecken|blauen flecken|striemen|wuergemale|griffspuren|brandwunden) ~3 (am|an den|an der|i am|auf dem|am ganzen|auf den) ~1 (ruecken|armen|arm|hals|gesicht|handgelenken|beinen|oberschenkeln|koerper|bauch|po|hintern)",
		"(kam|kommt) ~3 mit ~1 (einem|einen|einem) (blauen auge|veilchen)", "(blaues auge|blauen auge) ~3 (i am videocall|von ihm|von ihr)",
		"(blaue flecken|blauen flecken|striemen|blaues auge) ~8 (sagt|war das|von ihm|von ihr|weil er|weil sie|vom vater|von papa)",
	}},
	// Fitted batches 35 to 43.
	{id: "violence-v4", flags: fRecent, pats: []string{
		"(hat|hatte) (mir|ihr|ihm|meiner mutter|meiner mama|meinem bruder|meiner schwester) ~4 (ins gesicht|in den bauch|auf den kopf|in die rippen|gegen den kopf|in den ruecken) (geschlagen|getreten|gehauen|geboxt|gespuckt)",
		"(hat|hatte) (er|sie) (mich|uns|meine|meinen|mein|ihn|sie|die kinder) ~4 (geschlagen|getreten|gewuergt|geschubst|gestossen|verpruegelt|geohrfeigt|missbraucht|vergewaltigt|angefasst|eingesperrt|gezerrt|bedroht|gekratzt|beworfen)",
		"(schlaegt|verpruegelt|misshandelt|wuergt|tritt) (sie|ihn) (an|jeden|jede|immer|seit|auch|dann|als|weil|bis)",
		"(schlaegt|schlagen|verpruegelt|pruegelt|misshandelt|tritt|treten|wuergt) (unseren|unser|unsere|ihren|seinen|meine|meinen) [kleinen|kleine|neue|neuen] {dperson}",
		"(schlaegt|schlagen|verpruegelt|misshandelt) die (bewohner|bewohnerin|bewohnerinnen|patienten|kinder|alten)",
		"(schlaegt|schlug) (er|sie) (zu|mich|uns)", "(haut|haute|hauen) (mich|uns)",
		"(wird|werden) ~6 (geschlagen|verpruegelt|misshandelt|missbraucht|vergewaltigt)",
		"(vergewaltigt|missbraucht|begrapscht) worden",
		"nein gesagt ~6 trotzdem (gemacht|weitergemacht|getan)",
		"(gedraengt|gepackt|festgehalten|gezogen) und (angefasst|befummelt|begrapscht|gekuesst)",
		"(fasst|fasste) (ihn|sie|mich|uns) ~2 (komisch|ueberall|unten|unsittlich) an", "(weh macht|wehtut|weh tut|anfasst|angefasst) (untenrum|unten rum|i am intimbereich)",
		"(nacktbilder|nacktfotos|sexuelle nachrichten|pornos) ~4 (geschickt|schickt|gezeigt|zeigt|schicken)",
		"(kopf|gesicht) unter (wasser|das wasser) (gedrueckt|gehalten|drueckt)",
		"(ins auto|in den wagen|ins zimmer|in den keller) (gezerrt|geschleift|gezogen|gestossen)",
		"mein kopf gegen (die wand|den schrank|die tuer|den tisch)",
		"(gebettelt|gefleht|gebettelt hat) ~3 (aufzuhoeren|aufhoeren)",
		"(ans bett|ans bettgitter|an den stuhl|an die heizung|ans bettgestell) (gefesselt|gebunden|festgebunden|fixiert)",
		"(beruhigungsmittel|tabletten|schlafmittel|medikamente) ~4 damit (er|sie) ruhig",
		"(tritt|trat) ~4 (hund|katze) ~3 (und jetzt auch|auch|und) ~2 (meine|meinen|mich|die kleine|den kleinen)",
		"(den hund|die katze) getreten damit ich (seh|sehe)", "damit ich (seh|sehe) was (mir|uns) passiert",
		"nasenbein gebrochen",
	}},
	{id: "threat-v4", flags: fRecent, pats: []string{
		"(mann|freund|partner|partnerin|vater|papa|ex|frau|freundin|stiefvater) ~8 (sagt|gesagt|droht|meint|schreit) ~2 (er|sie) (bringt|bringe) (mich|uns|mama|die kinder|meine mutter|uns alle) ~4 um",
		"(er|sie) (ihnen|ihr|ihm|mir|uns|den kindern) (was|etwas) (tut|antut)",
		"(zuendet|zuendete|abfackelt|anzuenden|anzuzuenden) ~6 (ich drin|wir drin|mit mir|mit uns)",
		"(postet|veroeffentlicht|verschickt|zeigt) (er|sie) (die|meine|alle) ~1 (fotos|bilder|videos|nacktbilder)",
		"(filmt|filmte|gefilmt) (mich|uns) heimlich",
		"(video|videos|fotos|bilder) ~4 (kriegt jeder|kriegen alle|sehen alle|sieht jeder)",
		"(nichts|nichts) wert ohne (ihn|sie)",
		"(zerstoert|zerschlaegt|zertruemmert|zerreisst) (er|sie) (meine|mein|meinen)",
		"(angst|fuerchte mich|traue mich nicht|trau mich nicht|traut sich nicht) ~3 (heimzugehen|heimzukommen|heim zu gehen|heim zu kommen|nach hause zu gehen|nach hause zu kommen)",
		"(kann|darf) nicht frei (reden|sprechen|schreiben)", "(er|sie) liest (mit|alles mit)",
	}},
	{id: "stalking-or-control", flags: fRecent, pats: []string{
		"(gps|tracker|peilsender|airtag) ~4 (unter|an|in) (mein|meinem|meine|meiner) (auto|handy|tasche|jacke)",
		"(von|mit) (immer neuen|neuen|verschiedenen) (nummern|adressen|accounts|profilen)",
		"(fake profil|fakeprofil|falsches profil) ~6 (bildern|adresse|fotos)",
		"obwohl ~3 (einstweilige verfuegung|kontaktverbot|annaeherungsverbot)",
		"(jeden abend|jede nacht|seit wochen|seit tagen|seit monaten|naechtelang) ~3 vor (meinem|meiner) (haus|tuer|wohnung|arbeit|haustuer|praxis)",
		"(bankkarte|ec karte|kreditkarte|lohn|gehalt|rente|pass|ausweis|autoschluessel|medikamente|antidepressiva) ~2 (weggenommen|abgenommen|versteckt|weggeschlossen|einbehalten|umgeleitet)",
		"(kein eigenes geld|um jeden cent betteln|gibt mir kein geld|konto leergeraeumt|konto leer geraeumt)",
		"(laesst|liess) mich ~2 (keine|keinen|niemanden|nicht) ~2 (freunde|freundinnen|familie|niemanden|sehen) ~1 [sehen|treffen|anrufen]",
		"darf niemanden ~1 (anrufen|sehen|treffen)", "(hat|hatte) mich isoliert",
		"(verboten|verbietet) ~4 (tabletten|medikamente|medis|antidepressiva) ~3 (zu nehmen|nehmen)",
		"(wirft|warf|schmeisst) (sie|meine tabletten|meine medikamente|die tabletten) weg",
		"(schliesst|schloss|sperrt) (das essen|den kuehlschrank) (weg|ab)",
		"(krieg|kriege|bekomme|gibt|gebe) ~4 (medikamente|tabletten|essen|geld|schluessel|sie) (nur|erst) wenn ich",
		"(laesst|liess) mich nicht schlafen",
		"(verheiraten|zwangsheirat|zwangsverheiratet|zwangsehe)",
		"kontrolliert (was ich|wo ich|mit wem ich)",
		"(sperrt|sperrte|sperren) ~3 (kinder|kind|sohn|tochter|die kleine|den kleinen) ~3 (in den keller|ins zimmer|ins bad|in die kammer)",
		"(hat|hatte) mich ~2 (aus der wohnung|aus dem haus|vor die tuer) (geworfen|gesperrt|ausgesperrt)",
	}},
	// Round 8: a person close to the speaker, an act of violence or
	// control and its object, in German and dialect forms ("mei oide
	// schlogt mi", "min maa schlaat mi", "er hat mich im auto
	// eingeschlossen", "sperrt mi ei"), and a child hurt or shaken.
	{id: "r8-agent-act", flags: fRecent, pats: []string{
		"(mein|meine|mei|min|der|die|de|da|sei|sein|seine|ihr|ihre|unser) ~1 (mann|mo|maa|frau|freund|freundin|fruend|freind|partner|partnerin|ex|vater|vadda|voda|vatter|papa|mutter|mama|muatta|oide|oida|alte|alter|onkel|tante|bruder|stiefvater|stiefmutter|schwiegervater|schwiegermutter|betreuer|pfleger|pflegerin|ehemann|ehefrau|schwiegerfamilie|familie) ~4 (schlaegt|schlagt|haut|schlogt|schlaat|schlat|verpruegelt|tritt|wuergt|verdrischt|schuettelt) ~3 (mich|mir|ma|uns|sie|ihn|meine|meinen|mein|die kinder|de kinder|d chind|meim|mim|den kleinen|die kleine)",
		"(mein|meine|mei|min|der|die|de|da|sei|sein|seine|ihr|ihre|unser) ~1 (mann|mo|maa|frau|freund|freundin|fruend|freind|partner|partnerin|ex|vater|vadda|voda|vatter|papa|mutter|mama|muatta|oide|oida|alte|alter|onkel|tante|bruder|stiefvater|stiefmutter|schwiegervater|schwiegermutter|betreuer|pfleger|pflegerin|ehemann|ehefrau|schwiegerfamilie|familie) ~6 (hat|hod|hot|het|hatte) ~4 (mich|mir|ma|uns|sie|ihn|meine|meinen|mein|die kinder|de kinder|d chind|meim|mim|den kleinen|die kleine) ~4 (geschlagen|gschlogn|gschlage|verpruegelt|getreten|gewuergt|eingesperrt|eigsperrt|angefasst|angfasst|missbraucht|vergewaltigt|bedroht|angespuckt|rausgeworfen|rausgeschmissen|eingeklemmt|uebergezogen|gestossen|geschubst|verbrannt)",
		"(er|sie) (hat|hod|hot|het) ~3 (mich|mir|ma) ~4 (geschlagen|gschlogn|gewuergt|eingesperrt|eigsperrt|eingeschlossen|bedroht|getreten|vergewaltigt|eingeklemmt|angespuckt|verbrannt)",
		"(sperrt|sperrn|sperren|schliesst|schliessen) ~4 (mich|uns|sie|ihn) ~3 (ein|ei|in den keller|i am zimmer|i am bad)",
		"(ich (werd|werde|wurde)|(werd|werde|wurde) ich) ~4 (eingesperrt|eigsperrt|eingeschlossen|vergewaltigt|missbraucht|angefasst|angfasst|verpruegelt)",
		"laesst ~2 (mich|sie|ihn|uns) ~3 (nicht|ned|nichts) ~3 (raus|aus dem haus|aus meinem zimmer|telefonieren|zu terminen|zur sitzung|essen)",
		"(darf|derf) ~2 (nicht|ned|nie|keine) ~2 (allein|alleine|ohne ihn|ohne sie) ~2 (raus|zum arzt|telefonieren|vor die tuer)",
		"(packt|schuettelt|geschuettelt|schuettelte) ~3 (sie|ihn|das kind|das baby|den kleinen|die kleine) ~3 (am hals|wenn sie weint|wenn er weint)",
		"(blaue flecken|brandflecken|haematome|striemen) ~6 (kind|sohn|tochter|bruder|schwester|kleine|kleinen|baby|enkel|enkelin)",
		"(kind|sohn|tochter|bruder|schwester|kleine|kleinen|baby) ~6 (blaue flecken|brandflecken|haematome|striemen)",
	}},
}

// German rules for acute physical emergencies.
var acuteDE = []ruleDef{
	{id: "chest", flags: fRecent, pats: []string{
		"(brustschmerz*|schmerzen in der brust|druck auf der brust|engegefuehl in der brust|brust tut weh|brust schmerzt)",
		"(habe|habe|glaube|glaub|hat|hatte) ~3 (herzinfarkt|schlaganfall)",
	}},
	{id: "breathing", flags: fRecent, pats: []string{
		"(hals|kehle) ~2 (schnuert|zugeschnuert|zugeschnurt)",
		"(atemprobleme|atemnot|atembeschwerden)",
		"(keine|kaum) luft (kriege|krieg|bekomme|bekommen|kriegen|mehr)",
		"(krieg|kriege|bekomme|bekommt|kriegt) ~1 (keine|kaum) luft",
		"(atmet|atme) (nicht|kaum) [mehr]",
		"(lippen|gesicht|finger) ~2 blau",
	}},
	{id: "heart", flags: fRecent, pats: []string{
		"(herz|puls) (rast|raste|rasen|pocht|haemmert) ~6 (hoert nicht auf|seit|stunde|druck|brust|schwindel|umkippen|ohnmaechtig)",
	}},
	{id: "faint", flags: fRecent, pats: []string{
		"(spuere|spuer|fuehle) (mein|meine|meinen) (gesicht|arm|bein|seite|mund) nicht",
		"(ohnmaechtig|umgekippt|zusammengebrochen|bewusstlos|kollabiert)",
		"reagiert (nicht|kaum) [mehr]",
		"(kann|koennen) ~3 nicht (wecken|aufwecken)",
	}},
	{id: "seizure", flags: fRecent, pats: []string{
		"(krampfanfall|epileptischen anfall|krampfanfaelle)",
	}},
	{id: "allergy", flags: fRecent, pats: []string{
		"(zunge|hals|lippen|gesicht|rachen) ~2 (schwillt|schwellen|geschwollen) ~1 [zu|an]",
		"(allergische reaktion|anaphylaktisch*|allergischen schock)",
	}},
	{id: "other", flags: fRecent, pats: []string{
		"blutdruck ~3 #180",
		"(blut erbrechen|erbreche blut|spucke blut|blut gespuckt|blut erbrochen)",
	}},
	// Fitted batch 9.
	{id: "swallowed-or-collapsed", flags: fRecent, pats: []string{
		"(kind|sohn|tochter|baby|kleine|kleiner|kleinkind|hund|katze) ~6 (tabletten|pillen|medikamente|lutschtabletten|{ket}) ~3 (gegessen|geschluckt|genommen|erwischt|verschluckt)",
		"(krieg|kriege|bekomme|bekommt|kriegt) ~1 (schlecht|schwer|wenig) luft",
		"(zusammengesackt|zusammengeklappt)", "atmet (komisch|seltsam|flach|schwer|kaum|nicht mehr|unregelmaessig)",
	}},
	// Fitted batch 10.
	{id: "bleeding-or-throat", flags: fRecent, pats: []string{
		"(hals|kehle|rachen) (wird|ist|wurde) ~1 (eng|zu|dick)",
		"(blute|blutet|bluten) (stark|sehr stark|heftig|ohne ende|wie verrueckt)",
	}},
	// Fitted batch 11.
	{id: "stroke-or-faint", flags: fRecent, pats: []string{
		"schwarz vor (augen|den augen)",
		"(kann|koennen) ~2 (arm|bein|gesicht|seite|hand) ~2 nicht [mehr] bewegen",
		"(rede|spreche|redet|spricht|sprache) ~1 (komisch|verwaschen|lallend|undeutlich)",
		"(krieg|kriege|bekomme|kriegt|bekommt) ~1 (kaum|keine) noch luft",
	}},
	// Fitted batch 12.
	{id: "blue-lips", flags: fRecent, pats: []string{
		"(blaue|blauen) (lippen|finger|fingernaegel)",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose-stroke", flags: fRecent, pats: []string{
		"(gesicht|mund|mundwinkel|auge|augenlid) ~3 (haengt|haengen|schief|gelaehmt|taub)",
		"(kann|koennen) ~3 nicht (richtig|mehr) (sprechen|reden)",
		"(krampft|krampfen|krampfte|zuckt am ganzen koerper|krampfanfall) ~2 (gerade|jetzt|seit|schon)",
	}},
	// Fitted batch 14.
	{id: "compose-chest", flags: fRecent, pats: []string{
		"(jemand|etwas|ein elefant|ein stein|gewicht|ein gewicht|zentnerlast) ~3 auf (meiner|der|meine|die) brust",
		"schlimmsten kopfschmerzen (meines lebens|die ich je|ever)",
		"(schaum|schaum vor dem mund)", "(zuckt|zucken|zuckte|krampft) am ganzen koerper",
		"(spuere|spuer|fuehle) (mein|meine|meinen) [linken|rechten|linke|rechte|linkes|rechtes] (gesicht|arm|bein|seite|mund|hand) nicht",
		"(woerter|worte|sprache|saetze) ~3 (falsch|verdreht|verwaschen|komisch|durcheinander)",
	}},
	// Fitted batch 15.
	{id: "compose-heart", flags: fRecent, pats: []string{
		"(linken arm|linker arm|linke arm|linkem arm|arm und kiefer) ~6 (kribbeln|kribbelt|taub|schmerzen|tut weh|schmerzt|schwer)",
		"(kribbeln|kribbelt|taub|schmerzen|schmerz|ziehen) ~6 (linken arm|linker arm|linke arm|linkem arm)",
		"(erbrechen|erbreche|kotzen|kotze|uebergebe|uebergeben|spucke|spuck) ~6 blut",
	}},
	// Fitted batch 16.
	{id: "compose-breathing", flags: fRecent, pats: []string{
		"(lippen|gesicht|finger) ~4 blau", "(schnappt|schnappe|ringt|ringe) nach luft",
		"(hals|kehle|rachen|zunge) ~6 (zuschwillt|schwillt zu|zugeschwollen|schnuert sich zu|eng wird)",
		"(puls|herzfrequenz) (ist|liegt bei|bei|von) ~1 #150", "schlimmsten kopfschmerzen", "(sehe|seh) doppelt",
	}},
	// Fitted batch 17.
	{id: "compose-chest", flags: fRecent, pats: []string{
		"brust ~3 (eng|enger|schmerzt|drueckt|brennt|sticht)",
		"(koerperhaelfte|seite|arm|bein|gesicht) ~2 nicht [mehr] (bewegen|spueren|heben)",
		"(kopf|schaedel) ~3 (gestossen|angeschlagen|aufgeschlagen|geknallt) ~8 (verwirrt|erbrechen|brechen|uebergeben|schwindlig|bewusstlos|kotzen)",
	}},
	// Fitted batch 19.
	{id: "compose-unresponsive", pats: []string{
		"(nicht mehr|nicht|kaum) ansprechbar",
		"schwarz vor (augen|den augen)",
	}},
	// Fitted batches 26 to 31: a symptom word with what makes it an
	// emergency, its intensity, its spread or its time ("seit 40 minuten",
	// "ganz plötzlich", "strahlt in den linken arm aus"): chest, heart rhythm
	// and rate, breathing, swelling, fainting, seizures, stroke signs,
	// bleeding that does not stop, high fever, vomiting for hours.
	{id: "compose-chest-v2", flags: fRecent, pats: []string{
		"(stechen|druck|schmerzen|schmerz|enge|engegefuehl|engegfuehl|brennen|ziehen|stiche|reissen|vernichtungsschmerz) ~3 (in der brust|in da brust|hinterm brustbein|hinter dem brustbein|um die brust|auf der brust|i am brustkorb|in der herzgegend)",
		"(brustdruck|vernichtungsschmerz|engegefuehl in der brust|brustenge)",
		"brust ~3 (zieht sich zusammen|wie zugeschnuert|zugeschnuert|zusammengeschnuert)",
		"(strahlt|zieht|ziagt|ausstrahlt) ~3 (in den|in die|bis in den|bis in die) ~1 (linken arm|kiefer|unterkiefer|ruecken|schulter) ~1 [aus]",
		"(kalter schweiss|kaltschweissig|schwitze kalt|schwitz kalt) ~8 (brust|uebel|uebelkeit|herz|arm|ruecken|kiefer)",
		"(brust|herz|uebel|uebelkeit) ~8 (kalter schweiss|schwitze kalt|kaltschweissig|schwitz kalt)",
	}},
	{id: "compose-heart-v2", flags: fRecent, pats: []string{
		"(herz|puls|ruhepuls|herzfrequenz|uhr) ~3 (rast|schlaegt|liegt bei|ist bei|bei|auf|von|mit|zeigt) ~1 #140 ~8 (schwindlig|schwindelig|grau|schwarz|umkippen|umkipp|ohnmacht|seit|in ruhe|hoert nicht|brust|zitter|zittere|flau|kurzatmig|luft|schwummrig)",
		"(herz|puls|herzschlag) ~3 #140 ~2 (in ruhe|seit|und es hoert)",
		"(rast|schlaegt) mein herz (mit|bei|auf) #140",
		"(herz|herzschlag) ~2 (stolpert|setzt aus|aussetzer|unregelmaessig|spinnt|holpert|haut ganz unregelmaessig) ~8 (schwindlig|schwindelig|flau|schwummrig|weggekippt|umkippen|ohnmaechtig|noch nie|luft|brust|grau|schwarz|rast)",
		"(herzrasen|herzstolpern|herzklopfen) ~4 (seit|stunden|stunde|brustdruck|druck|brust|schwindel|umkippen|ohnmacht|ohnmaechtig|luft|atme)",
		"(pocht|rast|haemmert|schlaegt) so ~3 (dass|das) ich ~3 (ohnmacht|umkipp|umkippe|umfall|umfalle)",
		"(gleich|jeden moment) ~2 (in ohnmacht|ohnmaechtig|umkippe|umkipp|umfall|umfalle|zusammenbreche|zusammenklappe)",
		"(puls|ruhepuls|herzfrequenz) ~3 (bei|liegt bei|von) # ~6 (umkippen|umkipp|ohnmacht|schwarz)",
	}},
	{id: "compose-faint-v2", flags: fRecent, pats: []string{
		"(weggekippt|weggesackt|bewusstsein verloren)",
		"(wird|wurde) (mir|ihm|ihr) ~3 (schwarz|grau) $", "alles wird (grau|schwarz)",
		"(ne minute|eine minute|minutenlang) (weg|nicht ansprechbar|bewusstlos)",
		"(weiss wie die wand|kreidebleich|leichenblass|totenbleich)",
	}},
	{id: "compose-breathing-v2", flags: fRecent, pats: []string{
		"(atme|atmet) ~2 (schnell und flach|flach|schwer|pfeifend|rasselnd|roechelnd|ganz langsam|mit pausen|komisch mit pausen)",
		"(krieg|kriege|bekomme|kriegt|bekommt) ~3 (nur pfeifend|keine richtige|nicht genug|nicht richtig|nur schwer|nur noch schwer) luft",
		"(kurzatmig|luftnot) ~6 (lippen|blaeulich|blau|brust|ploetzlich|seit der|seit dem|nach der|nach dem|einatmen)",
		"(lippen|gesicht|finger|fingernaegel) ~4 (blaeulich|lila|violett)", "(blau|blaeulich) um (die lippen|den mund)",
		"(hals|kehle|rachen) ~3 (geht|ging) ~1 zu", "(hals|kehle) (fuehlt sich|fuehlt) ~2 (eng|zu)",
		"(augen|augenlider|lider|lippen|mund|gesicht|zunge) ~4 (schwellen zu|schwillt zu|gehen zu|zugeschwollen|schwellen an)",
		"(quaddeln|nesselausschlag|nesselsucht) ~8 (gesicht|hals|luft|atmen|ganzen koerper|ueberall|augen)",
		"ausschlag (am ganzen|ueberall) ~8 (hals|luft|eng|atmen|zunge|lippen)",
		"(stechen|schmerzen|schmerz) beim einatmen",
		"(kann|koennen) ~3 nicht mehr ~1 (flach|richtig) atmen",
	}},
	{id: "compose-seizure-v2", flags: fRecent, pats: []string{
		"(krampft|krampfen|krampfte|zuckungen|zuckt) ~6 (augen|verdreht|bewusstlos|nicht ansprechbar|reagiert|blau|schaum|ganzen koerper)",
		"(augen|pupillen) ~2 verdreht", "(krampfartige|krampfartigen) (zuckungen|anfaelle)",
		"(anfall|anfall gehabt|krampfanfall) ~8 (aufgewacht|zunge|eingenaesst|bewusstlos|weggetreten|verwirrt)",
		"(schwitz|schwitze|zitter|zittere) ~6 (alles zuckt|zucke|zuckungen|muskeln zucken)",
	}},
	{id: "compose-stroke-v2", flags: fRecent, pats: []string{
		"(sehe|seh|sieht) ~2 doppelt",
		"(hand|arm|bein|gesicht|seite|koerperhaelfte|mundwinkel|gesichtshaelfte) ~2 (ist|sind|wird|haengt) ~1 (schlaff|gelaehmt|kraftlos)",
		"kein gefuehl ~2 in ~2 (beinen|beiden beinen|bein|arm|armen|koerperhaelfte|gesichtshaelfte|seite)",
		"(koerperhaelfte|gesichtshaelfte) ~3 (kribbelt|taub|gelaehmt|schlaff|haengt)",
		"(finde|find) (die woerter|die worte|woerter) nicht",
		"(red|rede|redet|sprech|spricht|spreche|sprache) ~2 (verwaschen|lallend|undeutlich)",
		"(schlimmste|schlimmsten|staerkste|staerksten|heftigste|heftigsten) (kopfschmerzen|kopfweh)",
		"(kopfschmerzen|kopfweh) ~3 (wie noch nie|wie nie|noch nie so)",
		"(kopfschmerzen|kopfweh) ~6 (ganz ploetzlich|wie ein schlag|wie ein blitz|donnerschlag)",
		"(auf dem|auf einem) (rechten|linken) auge ~3 (nichts|kaum|schwarz|verschwommen)",
		"(dreht sich|schwindlig|schwindelig|verwirrt) ~8 (nicht gerade|nicht stehen|kaum laufen|nicht mehr stehen|nicht laufen)",
		"(weiss|weis) ~2 nicht ~1 wo ich (bin|grad bin|gerade bin)",
		"(seh|sehe) (sachen|dinge) die nicht da sind",
	}},
	{id: "compose-bleeding-v2", flags: fRecent, pats: []string{
		"(blutet|bluten|blutung|nasenbluten) ~6 (hoert nicht auf|hoert seit|nicht stoppt|stoppt nicht|nicht aufhoert|seit ner stunde|seit einer stunde|seit stunden|ohne ende|alles voll blut)",
		"(kotz|kotzt|spuck|spuckt|erbrech) ~1 blut",
		"(schwarzen stuhl|teerstuhl|blut i am stuhl|blut i am urin) ~8 (fieber|schwach|schwindel|schwarz|schmerzen|flanke|kreislauf)",
		"(blute|blutet) ~3 (am kopf|am hinterkopf|aus dem ohr|aus den ohren)",
		"(kopf|hinterkopf|schaedel) ~4 (gestossen|angeschlagen|aufgeschlagen|geknallt|angehauen) ~8 (blute|blutet|uebel|erbreche|erbrechen|kotze|kotz|uebergebe|schwarz|verwirrt|schwindlig)",
	}},
	{id: "compose-other-v2", flags: fRecent, pats: []string{
		"(#40 ~1 (grad fieber|fieber)|fieber ~2 #40)",
		"fieber ~8 (verwirrt|nacken steif|steifer nacken|ausschlag|blut|rot und heiss|zitter)",
		"(kotz|kotze|erbreche|uebergebe mich|breche|spucke) ~3 seit (stunden|# stunden|tagen|heute frueh|heute morgen)",
		"(kann|kann ich) (nichts) (bei mir behalten|drinbehalten|drin behalten)",
		"(kann|konnte) ~4 nicht [mehr] (pinkeln|wasser lassen|urinieren)",
		"(verbrannt|verbrueht) ~6 (blasen|haut haengt|haut ab|ganze hand|ganzen arm)",
		"(schlucken) ~4 (sabber|sabbere)",
	}},
	// Fitted batches 35 to 43.
	{id: "compose-v3", flags: fRecent, pats: []string{
		"(gleich|jeden moment) ~2 (umfallen|umkippen|umzukippen)", "(kipp|kippe) (gleich|jeden moment) um",
		"#140 (puls|bpm|schlaege|schlaegen) ~8 (schwitze|uebel|schwindlig|sterb|sterbe|umkipp|kipp|brust|zitter)",
		"(herz|puls) ~4 (spielt verrueckt|spinnt|rast) ~3 #140",
		"(herz|puls|herzschlag) ~5 #140 ~2 (in ruhe|seit)",
		"(brust|brustkorb) ~6 (schraubstock|zusammengedrueckt|zusammengepresst)",
		"(blau|blaue|blaeulich|blaeuliche) ~2 um (den mund|die lippen)",
		"(atem|atmung) ~3 (setzt|setzte) ~3 aus",
		"(lallt|lalle|lallend) ~6 (nicht stehen|kaum stehen|nicht wach)",
		"(auf einem auge|auf dem auge) ~2 (nichts|nichts) mehr", "wie ein vorhang",
		"(kalten schweiss|kalter schweiss) ~8 (magen|ruecken|uebel|brust|arm)",
		"(batterie|knopfbatterie|magnet|magnete) ~2 verschluckt",
		"fieber ~6 (steifen nacken|steifer nacken|rote punkte|punkte auf der haut)",
		"(unterzuckert|unterzucker) ~8 (zitter|kaum denken|verwirrt|schwarz|umkipp|traubenzucker)",
		"(taubheitsgefuehl|taub|gelaehmt|kribbeln) ~4 (linken seite|rechten seite|ganzen seite|koerperhaelfte|gesichtshaelfte)",
		"kaum noch (reden|sprechen)", "(red|rede|redet) (wirr|unsinn|wirres zeug)", "wirre sprache",
		"(blutet|blute|bluten) (extrem|wie sau und|ohne pause)", "(hoert|hoeren) ~4 nicht auf zu bluten",
		"(herz|herzschlag) ~2 (stolpert|setzt aus|unregelmaessig) ~8 (schwach|durchfall|erbreche|kotze)",
		"erkennt (mich|uns|niemanden|keinen) nicht mehr", "(weiss|weis) nicht ~1 wo (sie|er) (ist|gerade ist)",
		"(faellt|kippt|fiel|kippte) ~2 zur seite",
		"(urin|pipi) voller blut",
		"(spuer|spuere) (meine|die) (beine|arme) nicht mehr",
		"(blackout|bewusstlos) ~6 (gefallen|gestuerzt|aufgeschlagen)",
		"(vernichtende|vernichtenden) (kopfschmerzen|schmerzen)",
		"(ueberall|am ganzen koerper) quaddeln", "(hals|kehle) ~6 (zugehen|zugeht|zu geht)",
	}},
}

// Round 7: vocabularies of the German rules built on them, joined into
// patterns as strings.
const (
	// What may be taken to overdose, beyond {pillword}.
	deDrug7 = `({pillword}|{dmed}|{dother}|{dmedr6}|{ket}|schlafis|ampullen|pflaster|fentanylpflaster|insulin|methadon|morphin|morphintabletten|herztabletten|troches|lutschtabletten|sprueher|stoesse)`
	// Taking in a dose, told as done.
	deTook7 = `(genommen|geschluckt|eingenommen|gesprueht|reingehauen|gespritzt|getrunken|leer gemacht|gefressen|eingeworfen|reingezogen|reingepfiffen|runtergeschluckt|eingeschmissen|geschmissen)`
	// A sign an overdose was meant.
	deCue7 = `(auf einmal|aufeinmal|hintereinander|auf ex|mit absicht|absichtlich|vor # minuten|vor # min|vor einer stunde|vor ner stunde|mit ~2 (wodka|bier|schnaps|wein|alkohol|korn|obstler)|sorry|tschuess|damit|will nicht mehr|schwindlig|muede|komisch|herz|atmen|luft|tut mir leid|ruhe|fuer immer|egal|wurscht)`
)

// Round 11: what one does around a session (deAct11), when (deWhen11) and
// asking whether it is ok (deOk11), for r11-around.
const (
	deAct11  = `(joggen|sport|krafttraining|training|fitnes|fitnestudio|sauna|schwimmen|e bike|autofahren|auto fahren|fliegen|flug|essen|fruehstueck|fruehstuecken|kaffee|alkohol|bier|wein|sekt|rauchen|kiffen|fasten|intervallfasten|stillen|anlegen|abpumpen|zahnarzt|zahnreinigung|impfung|auffrischung|narkose|betaeubung|gipfeli|ingwertee)`
	deWhen11 = `(vorher|danach|nachher|davor|vor der sitzung|nach der sitzung|vor dem termin|nach dem termin|vor der behandlung|nach der behandlung|am tag danach|am naechsten tag|am abend|am morgen|sitzung|behandlung|infusion|termin|nasenspray|session|sitzig)`
	deOk11   = `(ok|okay|in ordnung|schlimm|ein problem|problem|gefaehrlich|erlaubt|geht das|klar|sinnvoll|bedenklich)`
)

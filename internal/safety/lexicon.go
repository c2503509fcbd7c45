package safety

// macros are word classes shared by the rules of every locale, used in
// patterns as {name}. Words are in normal form: umlauts folded, no
// apostrophes, contractions expanded.
var macros = map[string]string{
	"myself": "(myself|my own self)",

	// Round 3 (fitted batch 13 on): word classes for rules built from slots,
	// intent × act × object, rather than from whole phrases.
	//
	// Anything a person may overdose on.
	"pillword": `(pills|pill|tablets|tablet|meds|medication|medications|capsules|sleeping pills|sleeping tablets|painkillers|sleepers|sleeping meds|benzos|bars|xans|percs|oxys|
		{drugname}|{medword}|{ket}|tabletten|pillen|medikamente|schlaftabletten|schmerztabletten|medis)`,
	// The whole of a supply.
	"allof": `(all|all of|all the|every|every one of|every single|everything|the whole|a whole|whole|my whole|the entire|my entire|
		entire|the rest of|the lot of|the lot|a full|the full|a month of|a months worth of|a weeks worth of)`,
	// Taking in a dose, every way it is done.
	"odverb": `(take|taking|took|taken|swallow|swallowing|swallowed|down|downing|downed|neck|necking|necked|pop|popping|popped|
		snort|snorting|snorted|spray|spraying|sprayed|use|using|used|do|doing|did|done|chug|chugging|chugged|put|eat|ate|
		overdose on)`,
	// Not surviving, as people say it.
	"nowake": `((do not|did not|will not|would not|never|not) (wake up|wake|come back|come round|come to|waking up|waking)|stop breathing|stops breathing|
		(heart|my heart) (stops|stop|gives out|would stop)|stop my heart|be dead|am dead|die|dies|kill me|kills me|kill you|kills you|kill someone|
		end it|be over|be the end|stops (your|my|the|a persons) (breathing|heart)|stop (your|my) (breathing|heart))`,
	// The same in German (kept apart: "die" is an article there).
	"dnowake": `((nicht mehr|nie mehr|nie wieder) (aufwach|aufwache|aufwacht|aufwachen|aufzuwachen|aufwachst|aufwachen wuerde|aufwachen werde)|
		sterbe|sterben|tot bin|tot ist|tot waere|herz stehen bleibt|herz stehenbleibt|herz aufhoert|atmung aufhoert|atmen aufhoere|aufhoere zu atmen|
		umbringt|toetet|toedlich ist|toedlich waere)`,
	// What self-injury leaves.
	"hurtend": `(bled|bleed|bleeds|bleeding|bloody|geblutet|gebrochen|bruised|bruises|bruise|broke|breaks|break|broken|blistered|blisters|scarred|
		split|splits|cracked|raw|swollen|black and blue|blue|scabbed|torn|numb|dizzy|
		blutet|blutete|blutig|blau|blaue flecken|geschwollen|aufgeplatzt|taub|wund|schwindlig|bewusstlos|ohnmaechtig|sterne)`,
	// Weapons.
	"weapon": `(knife|knives|gun|guns|pistol|rifle|shotgun|bat|baseball bat|hammer|axe|crowbar|machete|blade|taser|
		messer|waffe|pistole|gewehr|baseballschlaeger|schlaeger|hammer|axt|klinge|knarre|flinte|revolver)`,
	// Being a weight on others.
	"burden": `(burden|weight|dead weight|drain|nuisance|millstone|liability|problem for everyone|last|belastung|zumutung|klotz am bein)`,
	// Parts of the body a person may hurt.
	"body": `(arm|arms|wrist|wrists|forearm|forearms|leg|legs|thigh|thighs|upper thighs|skin|stomach|belly|hip|hips|hand|hands|
		finger|fingers|knuckles|face|chest|neck|head|ankle|ankles|feet|foot|shoulder|shoulders|back|breasts)`,
	// Places to jump from or walk into.
	"enplace": `(bridge|cliff|cliffs|roof|rooftop|tracks|railway|railway line|station|platform|river|sea|lake|canal|car park|
		multistorey|multi storey|tower|ledge|edge|woods|forest|viaduct|quarry|motorway bridge|overpass|dam)`,
	// Poisons swallowed on purpose.
	"poison": `(bleach|antifreeze|rat poison|weedkiller|weed killer|drain cleaner|paraquat|pesticide|pesticides|cleaning fluid|
		cleaning product|dishwasher tablet|dishwasher tablets|chlorreiniger|bleichmittel|rattengift|frostschutz|frostschutzmittel|
		abflussreiniger|unkrautvernichter|putzmittel)`,
	// Violent acts against someone else, every form.
	"harmverb": `(kill|murder|stab|shoot|strangle|choke|smother|suffocate|poison|drown|hurt|harm|beat|beat up|hit|punch|attack|
		slap|kick|push|run over|torture|rape|smash|bash|batter|deck|knife|shank|glass|headbutt|throttle|maim|cripple|burn|
		set fire to|stamp on|knock out|do in|take out|break his|break her|strangling|stabbing|killing|poisoning|battering|
		knifing|hurting|beating|choking|smothering|drowning|shooting)`,
	// German: high places and the railway.
	"dplace": `(parkhaus|parkhausdach|dach|bruecke|hochhaus|hochhausdach|balkon|fenster|turm|klippe|klippen|felsen|zug|bahn|
		ubahn|lkw|auto|bus|gleise|gleisen|schienen|gerueste|geruest|aussichtsturm|staudamm|talbruecke|autobahnbruecke)`,
	// What a farewell is written or recorded on.
	"farewellthing": `(letter|letters|note|notes|video|videos|message|messages|text|texts|email|emails|post|posts|voice note|
		voice notes|voicenote|voicenotes|card|cards|words)`,
	// German: taking in a dose.
	"dschluck": `(nehmen|nehme|nehm|nimm|genommen|einnehmen|eingenommen|schlucken|schlucke|schluck|geschluckt|reinhauen|reinzuhauen|
		reingehauen|reinhaue|einwerfen|einzuwerfen|eingeworfen|einschmeissen|eingeschmissen|reinziehen|reingezogen|ziehen|gezogen|
		spruehen|spruehe|gesprueht|gefressen|reingefressen|fresse|fress|runtergewuergt|zu nehmen|zu schlucken|runterschlucken|runtergeschluckt|reinpfeifen|reingepfiffen)`,

	// Medicines by name: generic and brand, English and German spellings
	// (German spellings one letter away, like sertralin, are corrected to the
	// English name by normalisation).
	"drugname": "(ketamine|esketamine|spravato|ketanest|{othermed})",
	// Medicines other than ketamine.
	"othermed": `(sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|cipralex|
		citalopram|celexa|paroxetine|paxil|seroxat|venlafaxine|effexor|trevilor|duloxetine|cymbalta|bupropion|wellbutrin|
		elontril|mirtazapine|remeron|trazodone|lithium|lamotrigine|lamictal|quetiapine|seroquel|aripiprazole|abilify|
		olanzapine|zyprexa|risperidone|valproate|depakote|alprazolam|xanax|lorazepam|ativan|tavor|diazepam|valium|
		clonazepam|klonopin|rivotril|zopiclon|codein|co codamol|cocodamol|antihistaminikum|antihistaminika|benzodiazepine|benzodiazepines|benzo|benzos|zolpidem|ambien|zopiclone|melatonin|
		gabapentin|pregabalin|lyrica|propranolol|metoprolol|bisoprolol|amlodipine|lisinopril|ramipril|adderall|ritalin|
		methylphenidate|vyvanse|elvanse|modafinil|naltrexone|buprenorphine|methadone|tramadol|oxycodone|codeine|
		morphine|opioids|opiates|ibuprofen|paracetamol|acetaminophen|tylenol|aspirin|naproxen|antihistamine|antihistamines|
		st john wort|st johns wort|john wort|johns wort|johanniskraut|maoi|maois|mao inhibitors|ssri|ssris|snri|snris|antidepressant|
		antidepressants|antidepressiva|antidepressivum|antipsychotic|antipsychotics|neuroleptika|neuroleptikum|
		mood stabilizer|mood stabilizers|mood stabiliser|stimulant|stimulants|insulin|levothyroxine|thyroxin|l thyroxin|
		contraceptive|contraceptives|birth control|blutverduenner|gerinnungshemmer|marcumar|xarelto|eliquis|inhaler|sumatriptan|triptan|triptans|ondansetron|clonidine|
		amitriptyline|nortriptyline|oxycodon|schlafdinger|schlafzeug|ibu|ibus|blutdrucksenker|blutdruckmittel|blutdrucktabletten|blutdrucktablette|tilidin|tilidine|valoron|novalgin|metamizol|diclofenac|opipramol|promethazin|doxepin|trimipramin|
		oxazepam|bromazepam|lorazepam|zopiclon|insulinpen|insulinpens|insulinspritze|insulinspritzen|insulin pen|insulin pens|blood thinners|blood thinner|warfarin|pille|antibiotics|antibiotika|steroids|prednisone)`,
	// German spellings and medicines not yet in {drugname}, kept apart
	// because the model's features read {drugname} (model_features.go):
	// fold them in when it is next retrained.
	"dmedmore": `(amlodipin|prednisolon|betablocker|metformin|topiramat|ozempic|levetiracetam|candesartan|amoxicillin|clomipramin|
		valdoxan|agomelatin|antabus|dextromethorphan|articain|tramal|pentobarbital|hustensaft|schilddruesentabletten|schilddruesentablette|
		zink|vitamin d|magnesium|eisentabletten|omega 3|fentanyl|fentanylpflaster|opioiden|opioide|salbutamol|asthmaspray|
		viagra|sildenafil|levothyroxin|hormone|oestrogengel|nikotinpflaster|fosfomycin|generika|adhs tabletten|herztabletten|
		hormonspirale|hormonspritze|grapefruitsaft)`,
	// German: vital signs and laboratory values not in {vital}.
	"dvital": `(herzschlag|ruhepuls|zuckerwert|kaliumwert|eisenwert|ferritin|ldl|spiegel|kreatinin werte|kreatininwert|leukozyten|
		triglyceride|triglyceridwert|cdt|qt zeit|tsh|eisen)`,
	"dmed": "({drugname}|{dmedmore})",
	// Round 6: more medicines named in German questions (not in the
	// model's frozen classes).
	"dmedr6": `(pantoprazol|omeprazol|esomeprazol|dextroamphetamin|amphetamin|vomex|dimenhydrinat|baldrian|minipille|kratom|lisdexamfetamin|
		expidet|antibabypille|eisenpraeparat|schilddruesenhormon)`,
	"dother": "({othermed}|{dmedmore})",
	// Round 8: German medicines by their ending ("clozapin", "tamsulosin",
	// "valproat"), names the lists above lack, and all of them together,
	// for slot rules (not in the model's frozen classes).
	"dsuffix": `(*azepam|*azolam|*zolam|*oxetin|*faxin|*alopram|*tralin|*prazol|*olol|*sartan|*triptan|*statin|*mycin|*cillin|
		*dipin|*peridon|*afil|*barbital|*codon|*gabalin|*trigin|*proat|*mazepin|*ipramin|*iptylin|*tizin|*lukast|*ulosin|*apin|
		*oxacin|*oxetin|*vastatin|*tiazem|*darone|*daron|*semid|*thiazid)`,
	"dmedmore8": `(wick medinait|medinait|jatrosom|tranylcypromin|medikinet|champix|vareniclin|wegovy|fenistil|cetirizin|loratadin|
		ashwagandha|5 htp|valproat|oestrogen|oestradiol|estradiol|antibiotikum|kortison|cortison|kortisonspray|amiodaron|cbd oel|
		hormonpflaster|depotspritze|mao hemmer|naloxon|polamidon|lithium|ibuprofen|aspirin|
		schilddruesentablette|epilepsie tabletten|blutdrucktablette|blutdrucktabletten|antidepressiva|antidepressivum|
		kortisonspray|seroquel|testosteron|thiamazol|l thyroxin|hashimoto|bupropion|methadon|substitution)`,
	"dmed8":   "({dmed}|{dother8})",
	"dother8": "({dother}|{dmedr6}|{dsuffix}|{dmedmore8}|{med9})",
	// Round 9: every medicine and class of medicine of medicines.txt, and
	// the INN stems of generic names as suffixes ("*pril", guarded by
	// hasSuffix), for medical slot rules (not in the model's frozen
	// classes until it is retrained; see medicines.go).
	"med9": medicineMacro(),
	// Words for medicine in general.
	"medword": `(troche|troches|lozenge|lozenges|rdt|rdts|odt|nasal spray|nasal sprays|spray|sprays|
		lutschtablette|lutschtabletten|nasenspray|spruehstoss|spruehstoesse|medication|medications|meds|med|medicine|medicines|pill|pills|tablet|tablets|prescription|prescriptions|
		supplement|supplements|painkiller|painkillers|sleeping pill|sleeping pills|sleeping tablets|capsule|capsules|
		blood pressure medication|blood pressure meds|medikament|medikamente|medikamenten|medis|tabletten|tablette|pillen|
		beruhigungsmittel|schlaftabletten|schlafmittel|schmerzmittel|tropfen|praeparat|nahrungsergaenzungsmittel|
		*tabletten|*tablette|*medikamente|*medikament|*pillen|*tropfen)`,
	// Alcohol and recreational drugs.
	"subst": `(alcohol|alcoholic|booze|beer|beers|wine|wines|vodka|whisky|whiskey|rum|liquor|spirits|cocktail|cocktails|
		weed|cannabis|marijuana|marihuana|thc|cbd|edible|edibles|kratom|kava|nicotine|cigarette|cigarettes|vape|vaping|
		mdma|ecstasy|molly|mushrooms|shrooms|psilocybin|lsd|cocaine|amphetamine|amphetamines|meth|poppers|ghb|
		recreational drugs|drugs|alkohol|bier|wein|schnaps|sekt|gras|kiffen|pilze|kokain|nikotin|zigaretten|zigarette|drogen|joint)`,
	// Taking something.
	"consume": `(take|takes|taking|took|taken|have|having|had|use|using|used|drink|drinking|drank|smoke|smoking|smoked|
		do|doing|did|consume|consuming|eat|eating|pop|popping|mix|mixing|combine|combining|keep taking|continue taking|
		nehmen|nehme|einnehmen|genommen|eingenommen|trinken|trinke|getrunken|rauchen|rauche|konsumieren|konsumiere|
		kiffen|mischen|mische|gemischt|kombinieren|kombiniere|kombiniert|schlucken|weiter nehmen|weiternehmen)`,
	// The treatment and its sessions.
	"session": `(session|sessions|treatment|treatments|infusion|infusions|dose|dosing|appointment|therapy|ketamine|
		spravato|esketamine|procedure|injection|it|sitzung|sitzungen|behandlung|behandlungen|termin|therapie|spritze)`,
	"treatment": "(treatment|treatments|infusion|infusions|injection|injections|it|behandlung|behandlungen|spritze)",
	// Symptoms and bodily effects.
	"symptom": `(dizzy|dizziness|lightheaded|light headed|vertigo|nausea|nauseous|nauseated|queasy|vomit|vomiting|vomited|
		throw up|throwing up|threw up|headache|headaches|migraine|migraines|blood pressure|heart rate|pulse|palpitations|
		heart racing|racing heart|heart is racing|heart was racing|heart pounding|chest pain|chest|short of breath|
		shortness of breath|breathing|numb|numbness|tingling|tingly|pins and needles|blurry|blurred|double vision|
		drowsy|drowsiness|sleepy|fatigue|exhausted|insomnia|nightmares|hallucinat*|dissociat*|disoriented|paranoid|paranoia|panic|panicky|anxious|anxiety|shaky|shaking|tremor|tremors|trembling|
		sweating|sweaty|fever|rash|itchy|itching|bladder|urinate|urination|peeing|bleeding|pain|painful|ache|aching|
		cramps|seizure|seizures|faint|fainted|fainting|brain fog|foggy|spaced out|disconnected|detached|derealization|
		depersonalization|sick|unwell|jittery|dry mouth|slurred|weakness|swelling|swollen|nosebleed|hangover|
		symptoms|symptom|allergic reaction|out of body)`,
	"symcue": `(normal|dangerous|danger|safe|ok|okay|alright|fine|bad|serious|worried|worry|worrying|worrisome|concerned|
		concerning|concern|side effect|side effects|expected|sign|wrong|worse|get worse|a problem|problem|should i|what should i|what do i do|
		what can i do|do i need|doctor|gp|emergency|hospital|go away|last|get rid of|treat|remedy|is that|is this|is it)`,
	"condition": `(pregnant|pregnancy|breastfeeding|nursing|epilepsy|epileptic|seizure disorder|heart condition|heart disease|
		heart problems|heart problem|arrhythmia|high blood pressure|hypertension|glaucoma|psychosis|psychotic|
		schizophrenia|bipolar|mania|liver|kidney|kidneys|asthma|diabetes|diabetic|stroke|aneurysm|allergic|allergy|
		allergies|thyroid|porphyria|cystitis|addiction|alcoholism|eating disorder|anorexia)`,
	"condcue": `(can i|could i|should i|is it|is that|is ketamine|safe|ok|okay|still|allowed|eligible|risk|risky|dangerous|
		affect|a problem|problem|matter|contraindicat*|suitable)`,

	// German word classes.
	"dsymptom": `(schwindel*|schwindlig|uebel|uebelkeit|erbrechen|erbrochen|uebergeben|kopfschmerz*|kopfweh|migraene|
		blutdruck|verschwommen|herzrasen|herz rast|herz raste|herzklopfen|puls|taub|taubheit|kribbeln|benommen|benommenheit|
		halluzin*|dissoziat*|panik*|angstzustaende|zittern|zittrig|schweiss*|fieber|ausschlag|juckreiz|blase|
		schmerzen|atemnot|brustschmerz*|druck auf der brust|muede|muedigkeit|erschoepfung|verwirrt|verwirrung|
		schlaflosigkeit|albtraeume|sehstoerung*|nebenwirkung*|symptom*)`,
	"dsymcue": `(normal|gefaehrlich|schlimm|bedenklich|besorgniserregend|sorgen|sorge|nebenwirkung|arzt|aerztin|notarzt|
		notaufnahme|was soll ich|was tun|was kann ich|ok|okay|in ordnung|sicher|harmlos|weg|vorbei|ist das|ist es|muss ich|soll ich)`,
	"dcondition": `(schwanger|schwangerschaft|stillen|stille|stillzeit|epilepsie|krampfanfaelle|herzkrank*|herzprobleme|
		herzerkrankung|herzfehler|bluthochdruck|psychose|schizophrenie|bipolar|manie|leber|niere|nieren|asthma|
		diabetes|glaukom|allergie|allergisch|schilddruese|sucht|alkoholkrank)`,
	// More German conditions, apart from {dcondition} for the same reason.
	"dcondmore": `(epileptikerin|epileptiker|anfallsfrei|augeninnendruck|augendruck|herzschrittmacher|schrittmacher|vollnarkose|narkose|
		magenspiegelung|sedierung|schnupfen|erkaeltung|unterfunktion|ueberfunktion|kinderwunschbehandlung)`,
	"dcond": "({dcondition}|{dcondmore})",
	// German: what may be carried to hurt someone, that it is ready, and at whom.
	"dweapon": `(messer|kuechenmesser|klappmesser|teppichmesser|springmesser|waffe|waffen|pistole|gaspistole|schreckschusspistole|
		schreckschusswaffe|gewehr|jagdgewehr|jagdflinte|flinte|knarre|revolver|armbrust|schlagring|baseballschlaeger|schlaeger|
		eisenstange|brecheisen|axt|beil|machete|hammer|schraubenschluessel|ziegelstein|saeure|spiritus|benzin|kanister|rattengift|
		gift|schere|pfefferspray|elektroschocker|taser)`,
	// German: a farewell or a wish to be gone said beside an act.
	"dbye": `(tschuess|tschuss|sorry|es tut mir leid|tut mir leid|danke fuer alles|lebt wohl|ich liebe euch|ich liebe dich|macht es gut|
		verzeiht mir|nicht traurig|will nicht mehr|keiner soll|sucht mich nicht|ruft keinen an|ruf keinen an|bin weg|werde muede|
		wird ganz schwer|ganz schwer|nicht aufhalten|nicht mehr aufwachen|warte jetzt|fuer immer)`,
	// German: places of a method.
	"dplace2": `(gleisen|gleise|schienen|bahndamm|bruecke|klippe|steilkueste|talsperre|staudamm|hafenbecken|dach|hochhaus|parkhaus|
		bahnuebergang|fluss|meer|see|rhein|elbe|donau|main|isar|spree)`,
	// German: what cuts, burns or strikes, and where on the body.
	"dblade": `(klinge|rasierklinge|glasscherbe|scherbe|messer|schere|cutter|teppichmesser|rasiermesser|zigarette|zigaretten|feuerzeug|
		buegeleisen|hammer|guertel|kabel|nadel)`,
	"dbody": `(arm|arme|armen|unterarm|unterarme|handgelenk|handgelenke|hand|haende|bein|beine|beinen|oberschenkel|bauch|gesicht|hals|
		haut|finger|brust)`,
	// German: a means of suicide other than pills.
	"dmeans": `(seil|strick|schlinge|pistole|flinte|schrotflinte|waffe|gewehr|knarre|revolver|klinge|rasierklinge|plastiktuete|
		klebeband|kabel|guertel|holzkohle|benzin)`,
	"dready": `(gekauft|besorgt|bestellt|geholt|geladen|dabei|eingesteckt|eingepackt|in der jacke|in der jackentasche|in der tasche|
		i am auto|i am kofferraum|i am spind|neben der tuer|liegt bereit|bereit|liegt i am auto|schon|abgekauft|organisiert)`,
	"dtarget": `(ihm|ihn|ihr|ihnen|den typen|der typ|den typ|den kerl|der kerl|wenn er|wenn sie|wenn der|wenn die|fuer wenn|soll sehen|
		sollen sehen|soll mal sehen|nicht zum schutz|fuer ihn|gegen ihn|gegen sie|chef|vermieter|nachbarn|nachbar|ex|kollegen|
		lehrerin|lehrer|schwager|klasse|firma|schule|arbeit|lehrling|azubi|dealer)`,
	// German: people a patient may hurt or be hurt by, as nouns.
	"dperson": `(frau|mann|freund|freundin|partner|partnerin|kind|kinder|sohn|tochter|baby|kleinen|kleine|kleiner|saeugling|
		mutter|vater|mama|papa|bruder|schwester|oma|opa|chef|chefin|kollegen|kollege|kollegin|nachbarn|nachbar|nachbarin|
		mitbewohner|mitbewohnerin|ex|typen|typ|kerl|azubi|fremden|schwager|schwaegerin|vermieter|vermieterin|lehrer|lehrerin|
		erzieherin|erzieher|stiefvater|stiefmutter|cousin|cousine|onkel|tante|schueler|jungen|junge|maedchen|patienten|kunden|
		hund|katze|exfreund|exfreundin|sachbearbeiter|vorarbeiter|pfleger|pflegerin|kumpel|jemanden|bruder|schwiegervater|
		schwiegermutter|enkel|enkelin|nichte|neffe|eltern|kinder|bruders|ehemann|ehefrau)`,
	"dcondcue": `(kann ich|darf ich|sicher|ok|okay|trotzdem|erlaubt|geeignet|risiko|gefaehrlich|problem|moeglich|schlimm|in ordnung)`,

	// Ketamine as patients name it: the drug, its products and slang.
	"ket": `(ketamine|esketamine|spravato|ketanest|ketalar|k|ket|keta|special k|k hole|khole|troche|troches|
		lozenge|lozenges|rdt|rdts|odt|nasal spray|spray|sprays|lutschtablette|lutschtabletten|nasenspray|
		spruehstoss|spruehstoesse|hub|huebe)`,
	// People a patient may hurt or be hurt by.
	"person": `(boss|ex|husband|husbands|wife|wifes|partner|partners|boyfriend|girlfriend|bf|gf|fiance|fiancee|
		baby|babies|newborn|toddler|son|daughter|kid|kids|child|children|mom|mum|mother|dad|father|stepdad|
		stepfather|stepmom|stepmum|stepmother|step dad|step father|brother|sister|brothers|sisters|roommate|
		flatmate|neighbour|neighbor|neighbours|neighbors|coworker|coworkers|colleague|colleagues|manager|
		teacher|landlord|family|parents|uncle|aunt|cousin|grandma|grandpa|friend|friends|classmate|classmates|
		nephew|niece|guy|man|woman|lady|bloke|person|people|strangers|stranger|passers by|guys|lads|boys|girls|bullies|ex husband|ex wife|ex boyfriend|ex girlfriend|carer|caregiver)`,
	// Someone other than the speaker, as the object of a verb.
	"victim": `(him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|strangers|random people|all of them|them all|
		(my|the|that|this|our|his|her|a|their) [own|little|baby|older|younger|new|step|newborn|next|first|elderly|old|poor|disabled|sick] {person})`,
	// Someone who may hurt the speaker, as a subject.
	"abuser": `(he|she|they|my (husband|wife|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|ex|ex husband|
		ex wife|ex boyfriend|ex girlfriend|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmum|
		stepmother|step dad|step father|brother|sister|son|uncle|aunt|grandpa|grandma|cousin|carer|caregiver|
		roommate|flatmate|landlord|family|parents|in laws|mother in law|father in law|coach|teacher|tutor|priest|pastor|boss|
		neighbour|neighbor|babysitter|instructor|trainer|grandson|granddaughter|son in law|daughter in law))`,
	// Vital signs and laboratory values.
	"vital": `(blood pressure|bp|heart rate|resting heart rate|pulse|oxygen|oxygen level|oxygen levels|o2|sats|
		saturation|spo2|blood sugar|sugar|glucose|potassium|sodium|alt|ast|liver enzymes|liver values|
		liver function|hbaic|aic|cholesterol|creatinine|egfr|tsh|ferritin|vitamin d|temperature|
		inr|platelets|hemoglobin|haemoglobin|lithium level|bmi|kalium|natrium|blutzucker|zucker|puls|
		sauerstoff|sauerstoffsaettigung|saettigung|leberwert|leberwerte|gpt|ggt|nierenwerte|kreatinin|blutwerte|
		laborwerte|blutbild|schilddruesenwerte|blutdruck|herzfrequenz)`,
	// Days and times a plan may name.
	"when": `(tonight|today|tomorrow|tomorrow night|this weekend|this week|next week|on the weekend|at the weekend|
		monday|tuesday|wednesday|thursday|friday|saturday|sunday|on monday|on tuesday|on wednesday|on thursday|
		on friday|on saturday|on sunday|next monday|next tuesday|next wednesday|next thursday|next friday|
		next saturday|next sunday|this monday|this tuesday|this wednesday|this thursday|this friday|
		this saturday|this sunday|after the session|after my session|after the appointment|before the session)`,
}

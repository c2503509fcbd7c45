package safety

import (
	_ "embed"
	"strings"
)

// modelClassWords are the one-word members of the lexicon classes the model
// sees (see classMacros), in collapsed form, copied from lexicon.go when the
// model's features were chosen (2026-12-07) and frozen: the rules' lexicon
// may grow without changing the model's features (TestModelUpToDate would
// fail on every edit of lexicon.go otherwise). To let the model see new
// members, add them here and retrain.
var modelClassWords = map[string]string{
	"pillword": `pils pil tablets tablet meds medication medications capsules painkilers slepers benzos bars xans percs
		oxys ketamine esketamine spravato ketanest sertraline zoloft fluoxetine prozac escitalopram lexapro cipralex
		citalopram celexa paroxetine paxil seroxat venlafaxine efexor trevilor duloxetine cymbalta bupropion
		welbutrin elontril mirtazapine remeron trazodone lithium lamotrigine lamictal quetiapine seroquel aripiprazole
		abilify olanzapine zyprexa risperidone valproate depakote alprazolam xanax lorazepam ativan tavor diazepam
		valium clonazepam klonopin rivotril zopiclon codein cocodamol antihistaminikum antihistaminika benzodiazepine
		benzodiazepines benzo zolpidem ambien zopiclone melatonin gabapentin pregabalin lyrica propranolol metoprolol
		bisoprolol amlodipine lisinopril ramipril aderal ritalin methylphenidate vyvanse elvanse modafinil naltrexone
		buprenorphine methadone tramadol oxycodone codeine morphine opioids opiates ibuprofen paracetamol acetaminophen
		tylenol aspirin naproxen antihistamine antihistamines johaniskraut maoi maois sri sris snri snris antidepresant
		antidepresants antidepresiva antidepresivum antipsychotic antipsychotics neuroleptika neuroleptikum stimulant
		stimulants insulin levothyroxine thyroxin contraceptive contraceptives blutverduener gerinungshemer marcumar
		xarelto eliquis inhaler sumatriptan triptan triptans ondansetron clonidine amitriptyline nortriptyline
		oxycodon schlafdinger schlafzeug ibu ibus blutdrucksenker blutdruckmitel blutdrucktableten blutdrucktablete
		tilidin tilidine valoron novalgin metamizol diclofenac opipramol promethazin doxepin trimipramin oxazepam
		bromazepam insulinpen insulinpens insulinspritze insulinspritzen warfarin pile antibiotics antibiotika
		steroids prednisone troche troches lozenge lozenges rdt rdts odt spray sprays lutschtablete lutschtableten
		nasenspray spruehstos spruehstoese med medicine medicines prescription prescriptions suplement suplements
		painkiler capsule medikament medikamente medikamenten medis tableten tablete pilen beruhigungsmitel schlaftableten
		schlafmitel schmerzmitel tropfen praeparat nahrungsergaenzungsmitel ketalar k ket keta khole hub huebe
		schmerztableten`,
	"drugname": `ketamine esketamine spravato ketanest sertraline zoloft fluoxetine prozac escitalopram lexapro cipralex
		citalopram celexa paroxetine paxil seroxat venlafaxine efexor trevilor duloxetine cymbalta bupropion
		welbutrin elontril mirtazapine remeron trazodone lithium lamotrigine lamictal quetiapine seroquel aripiprazole
		abilify olanzapine zyprexa risperidone valproate depakote alprazolam xanax lorazepam ativan tavor diazepam
		valium clonazepam klonopin rivotril zopiclon codein cocodamol antihistaminikum antihistaminika benzodiazepine
		benzodiazepines benzo benzos zolpidem ambien zopiclone melatonin gabapentin pregabalin lyrica propranolol
		metoprolol bisoprolol amlodipine lisinopril ramipril aderal ritalin methylphenidate vyvanse elvanse modafinil
		naltrexone buprenorphine methadone tramadol oxycodone codeine morphine opioids opiates ibuprofen paracetamol
		acetaminophen tylenol aspirin naproxen antihistamine antihistamines johaniskraut maoi maois sri sris
		snri snris antidepresant antidepresants antidepresiva antidepresivum antipsychotic antipsychotics neuroleptika
		neuroleptikum stimulant stimulants insulin levothyroxine thyroxin contraceptive contraceptives blutverduener
		gerinungshemer marcumar xarelto eliquis inhaler sumatriptan triptan triptans ondansetron clonidine amitriptyline
		nortriptyline oxycodon schlafdinger schlafzeug ibu ibus blutdrucksenker blutdruckmitel blutdrucktableten
		blutdrucktablete tilidin tilidine valoron novalgin metamizol diclofenac opipramol promethazin doxepin
		trimipramin oxazepam bromazepam insulinpen insulinpens insulinspritze insulinspritzen warfarin pile antibiotics
		antibiotika steroids prednisone`,
	"medword": `troche troches lozenge lozenges rdt rdts odt spray sprays lutschtablete lutschtableten nasenspray spruehstos
		spruehstoese medication medications meds med medicine medicines pil pils tablet tablets prescription
		prescriptions suplement suplements painkiler painkilers capsule capsules medikament medikamente medikamenten
		medis tableten tablete pilen beruhigungsmitel schlaftableten schlafmitel schmerzmitel tropfen praeparat
		nahrungsergaenzungsmitel`,
	"ket": `ketamine esketamine spravato ketanest ketalar k ket keta khole troche troches lozenge lozenges rdt rdts
		odt spray sprays lutschtablete lutschtableten nasenspray spruehstos spruehstoese hub huebe`,
	"weapon": `knife knives gun guns pistol rifle shotgun bat hamer axe crowbar machete blade taser meser wafe pistole
		gewehr basebalschlaeger schlaeger axt klinge knare flinte revolver`,
	"body": `arm arms wrist wrists forearm forearms leg legs thigh thighs skin stomach bely hip hips hand hands finger
		fingers knuckles face chest neck head ankle ankles fet fot shoulder shoulders back breasts`,
	"enplace": `bridge clif clifs rof roftop tracks railway station platform river sea lake canal multistorey tower ledge
		edge wods forest viaduct quary overpas dam`,
	"dplace": `parkhaus parkhausdach dach bruecke hochaus hochausdach balkon fenster turm klipe klipen felsen zug bahn
		ubahn lkw auto bus gleise gleisen schienen gerueste geruest ausichtsturm staudam talbruecke autobahnbruecke`,
	"poison": `bleach antifreze wedkiler paraquat pesticide pesticides chloreiniger bleichmitel ratengift frostschutz
		frostschutzmitel abflusreiniger unkrautvernichter putzmitel`,
	"harmverb": `kil murder stab shot strangle choke smother sufocate poison drown hurt harm beat hit punch atack slap
		kick push torture rape smash bash bater deck knife shank glas headbut throtle maim criple burn strangling
		stabing kiling poisoning batering knifing hurting beating choking smothering drowning shoting`,
	"person": `bos ex husband husbands wife wifes partner partners boyfriend girlfriend bf gf fiance baby babies newborn
		todler son daughter kid kids child children mom mum mother dad father stepdad stepfather stepmom stepmum
		stepmother brother sister brothers sisters romate flatmate neighbour neighbor neighbours neighbors coworker
		coworkers coleague coleagues manager teacher landlord family parents uncle aunt cousin grandma grandpa
		friend friends clasmate clasmates nephew niece guy man woman lady bloke person people strangers stranger
		guys lads boys girls bulies carer caregiver`,
	"vital": `bp pulse oxygen o2 sats saturation spo2 sugar glucose potasium sodium alt ast hbaic aic cholesterol creatinine
		egfr tsh feritin temperature inr platelets hemoglobin haemoglobin bmi kalium natrium blutzucker zucker
		puls sauerstof sauerstofsaetigung saetigung leberwert leberwerte gpt gt nierenwerte kreatinin blutwerte
		laborwerte blutbild schildruesenwerte blutdruck herzfrequenz`,
	"symptom": `dizy dizines lightheaded vertigo nausea nauseous nauseated queasy vomit vomiting vomited headache headaches
		migraine migraines pulse palpitations chest breathing numb numbnes tingling tingly blury blured drowsy
		drowsines slepy fatigue exhausted insomnia nightmares disoriented paranoid paranoia panic panicky anxious
		anxiety shaky shaking tremor tremors trembling sweating sweaty fever rash itchy itching blader urinate
		urination peing bleding pain painful ache aching cramps seizure seizures faint fainted fainting fogy
		disconected detached derealization depersonalization sick unwel jitery slured weaknes sweling swolen
		nosebled hangover symptoms symptom`,
	"dsymptom": `schwindlig uebel uebelkeit erbrechen erbrochen uebergeben kopfweh migraene blutdruck verschwomen herzrasen
		herzklopfen puls taub taubheit kribeln benomen benomenheit angstzustaende zitern zitrig fieber auschlag
		juckreiz blase schmerzen atemnot muede muedigkeit erschoepfung verwirt verwirung schlaflosigkeit albtraeume`,
	"condition": `pregnant pregnancy breastfeding nursing epilepsy epileptic arhythmia hypertension glaucoma psychosis
		psychotic schizophrenia bipolar mania liver kidney kidneys asthma diabetes diabetic stroke aneurysm alergic
		alergy alergies thyroid porphyria cystitis adiction alcoholism anorexia`,
	"dcondition": `schwanger schwangerschaft stilen stile stilzeit epilepsie krampfanfaele herzprobleme herzerkrankung herzfehler
		bluthochdruck psychose schizophrenie bipolar manie leber niere nieren asthma diabetes glaukom alergie
		alergisch schildruese sucht alkoholkrank`,
	"subst": `alcohol alcoholic boze ber bers wine wines vodka whisky whiskey rum liquor spirits cocktail cocktails
		wed canabis marijuana marihuana thc cbd edible edibles kratom kava nicotine cigarete cigaretes vape vaping
		mdma ecstasy moly mushroms shroms psilocybin lsd cocaine amphetamine amphetamines meth popers ghb drugs
		alkohol bier wein schnaps sekt gras kifen pilze kokain nikotin zigareten zigarete drogen joint`,
	"when":   `tonight today tomorow monday tuesday wednesday thursday friday saturday sunday`,
	"burden": `burden weight drain nuisance milstone liability last belastung zumutung`,
	"hurtend": `bled bleds bleding blody geblutet gebrochen bruised bruises bruise broke breaks break broken blistered
		blisters scared split splits cracked raw swolen blue scabed torn numb dizy blutet blutete blutig blau
		geschwolen aufgeplatzt taub wund schwindlig bewustlos ohnmaechtig sterne`,
	"dschluck": `nehmen nehme nehm nim genomen einehmen eingenomen schlucken schlucke schluck geschluckt reinhauen reinzuhauen
		reingehauen reinhaue einwerfen einzuwerfen eingeworfen einschmeisen eingeschmisen reinziehen reingezogen
		ziehen gezogen spruehen spruehe gesprueht gefresen reingefresen frese fres runtergewuergt runterschlucken
		runtergeschluckt reinpfeifen reingepfifen`,
	"odverb": `take taking tok taken swalow swalowing swalowed down downing downed neck necking necked pop poping poped
		snort snorting snorted spray spraying sprayed use using used do doing did done chug chuging chuged put
		eat ate`,
	"abuser": `he she they my husband wife partner boyfriend girlfriend bf gf fiance ex dad father mom mum mother stepdad
		stepfather stepmom stepmum stepmother brother sister son uncle aunt grandpa grandma cousin carer caregiver
		romate flatmate landlord family parents coach teacher tutor priest pastor bos neighbour neighbor babysiter
		instructor trainer grandson grandaughter`,
}

// modelDrugEndings are the endings of generic medicine names (the INN
// stems, English and German spellings, in collapsed form: -cillin is
// "cilin"), frozen with the classes: a word of no class that ends with one
// is seen as a named medicine (fkDrugEnd, drugLike), so that a medicine no
// training message named ("pantoprazole", "candesartan") still carries
// what the model learnt of named medicines.
var modelDrugEndings = `
	pril prils sartan sartans olol olols dipine dipin statin statins prazole prazol prazoles
	azepam azepams zolam zolams oxetine oxetin faxine faxin alopram traline tralin zodone zodon
	triptyline triptylin ipramine ipramin apine apin idone idon piprazole piprazol
	cilin micin mycin mycine floxacin oxacin cycline cyclin zyklin ovir avir ivir umab imab zumab
	gliptin gliflozin glutide glutid lukast tidine tidin triptan triptans profen setron
	semide semid thiazide thiazid afil conazole conazol azole azol parin xaban gatran formin glinide
	codone codon morphone morphon orphine orphin tanyl oxone oxon trexone trexon tadine tadin tirizine tirizin
	fenadine fenadin fenac oxicam coxib azosin ulosin dronate dronat pidem iclone iclon plon barbital
	phenidate phenidat pentin gabalin peridol mazine mazin thazine thazin zepine zepin trigine trigin
	proate proat iracetam piramate piramat thyroxine thyroxin sonide methasone methason nisone nison
	tisone tison olone olon ocaine okain tiazem darone daron actone acton adol butamol terol tropium
`

// modelDrugEndStop are ordinary English and German words (collapsed) with
// an ending of modelDrugEndings, never read as medicines.
var modelDrugEndStop = set(strings.Fields(`
	magazine magazin magazines cholesterol kolon colon semicolon semikolon terapin poseidon garnison
	paradoxon terpentin stupidem autokolone guadalquivir endorphin endorphine
`)...)

// modelMedicinesText is the model's frozen snapshot of the medicine
// vocabulary (medicines.txt, one entry a line, "*" for an INN stem),
// copied when the model was last retrained: the rules' vocabulary may grow
// without changing the model's features. A new snapshot is a new file
// (model_medicines3.txt) and a retrained model; model.json records the
// digest of every word class the model read (TestModelData). The second
// snapshot (round 10) replaced model_medicines1.txt (round 9).
//
//go:embed model_medicines2.txt
var modelMedicinesText string

// modelMedicineKeys are the one-word medicines of the snapshot as
// collapsed keys, with the German spellings of generic names
// (sertraline, sertralin); modelMedicineStems are its INN stems, collapsed.
var modelMedicineKeys, modelMedicineStems = parseModelMedicines(modelMedicinesText)

// parseModelMedicines reads a snapshot of the medicine vocabulary. Names of
// more than one word are left out: the model sees words.
func parseModelMedicines(text string) (keys, stems []string) {
	seen := map[string]bool{}
	add := func(name string) {
		a := analyse(name)
		if len(a.toks) != 1 || a.toks[0].num >= 0 {
			return
		}
		if k := a.toks[0].key; !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		e := strings.TrimSpace(line)
		switch {
		case e == "" || strings.Contains(e, " "):
		case strings.HasPrefix(e, "*"):
			stems = append(stems, collapse(e[1:]))
		default:
			add(e)
			if len(e) >= 7 {
				for _, g := range [][2]string{{"ine", "in"}, {"ole", "ol"}, {"one", "on"}, {"ide", "id"}, {"ate", "at"}, {"ene", "en"}} {
					if strings.HasSuffix(e, g[0]) {
						add(strings.TrimSuffix(e, g[0]) + g[1])
						break
					}
				}
			}
		}
	}
	return keys, stems
}

// modelMedicineStop are the ordinary words of the snapshot's stem
// exceptions (medicines.go's stemExceptions when it was taken).
var modelMedicineStop = set("guadalquivir", "anticyclone", "mongrel", "terapin", "stupidem")

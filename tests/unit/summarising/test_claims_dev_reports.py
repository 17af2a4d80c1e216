"""The summaries' sentence check on sentences written for the dev reports of the labelled sentences.

Faithful restatements as a summary writer (or a model) words them, and restatements that change one
predicate or actor, over the eight reports whose labelled sentences are the dev split
(`evaluation.sets.labelled_split`). Written for this test, in other words than the labelled
sentences; none is from the held-out test reports. Known misses, left out below: a separable verb
restated as a noun ("komt ... bijeen" for "bijeenkomst", flagged by the facts layer's word check), a
hand-over reversed where the predicate class stays the same ("Dublin nam de Haagse regels over"),
Den Haag given what a source sentence without an actor says ("het model wordt gebruikt"), "zowel
A als B" where only A did it, and a reversal after a verb of learning ("leerde van Den Haag").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verslaghulp.archive.readers import read_document
from verslaghulp.summarising.citations import SourceIndexes, check_sentence
from verslaghulp.summarising.result import CitedSentence

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "archive" / "reports"

L = "2018-06-londen-tech-week.txt"
K = "2019-05-kopenhagen-digitale-tweeling.txt"
B = "2020-02-brussel-europese-commissie.txt"
T = "2022-06-tallinn-digitale-overheid.pdf"
D = "2023-03-dublin-drones.txt"
W = "2024-05-wenen-drones-luchtruim.txt"
M = "2025-02-madrid-spiegelstad.txt"
BR = "2025-09-bratislava-veiligheid-nachttrein.txt"
FAITHFUL: list[tuple[str | tuple[str, ...], str]] = [
    (L, "Tijdens de London Tech Week in juni 2018 maakte Den Haag kennis met de open data-aanpak van Londen."),
    (L, "De London Datastore heeft een vaste redactie en een publiek overzicht van ontbrekende data."),
    (L, "Den Haag wil ook een publiek overzicht invoeren van welke data nog ontbreken."),
    (L, "Het bezoek diende als voorbereiding op de vernieuwing van het Haagse open data portaal."),
    (L, "In september 2018 volgt een videogesprek tussen Rachel Okafor en het Haagse open data team."),
    (
        L,
        "Het combineren van luchtkwaliteitsdata van burgers en bedrijven met eigen meetnetten is "
        "bruikbaar voor het Haagse programma schone lucht.",
    ),
    (K, "Den Haag wilde weten hoe Kopenhagen zijn digitale tweeling inzet bij klimaatadaptatie."),
    (
        K,
        "Kopenhagen gebruikt het 3D-model bij inspraakavonden om bewoners te laten zien wat een nieuw "
        "gebouw doet met schaduw en water.",
    ),
    (K, "In het najaar van 2019 komt Mette Lindholm naar Den Haag om het model te presenteren."),
    (K, "Een les uit Kopenhagen: begin een digitale tweeling met één vraag en breid het model pas daarna uit."),
    (K, "In Aarhus kreeg de delegatie een demonstratie van het open 3D-model van de gemeente."),
    (K, "Anders Juul van de gemeente Aarhus deelt de scripts waarmee Aarhus zijn 3D-model uit open data opbouwt."),
    (
        B,
        "Het werkbezoek aan de Europese Commissie was een voorbereiding op de Europese verklaring over "
        "digitale transformatie van steden.",
    ),
    (B, "Den Haag levert vóór 1 maart 2020 een korte tekst aan over zijn ervaringen met open standaarden."),
    (B, "Eurocities nodigt Den Haag uit voor de ondertekening van de verklaring."),
    (B, "Den Haag heeft nu een direct contact bij de Commissie voor vragen over het Europese datalandschap."),
    (T, "In juni 2022 nam Den Haag in Tallinn deel aan de voorjaarsbijeenkomst van de Council of Global City CIOs."),
    (T, "Estland regelt vrijwel alle contact tussen overheid en inwoners online, met één digitale identiteit."),
    (
        T,
        "Voor Den Haag is de les dat het eenmalig uitvragen van gegevens vooral om afspraken tussen organisaties gaat.",
    ),
    (T, "Kadri Tamm deelt de evaluatie van de Estse chatbot met Den Haag."),
    (T, "De Estse chatbot is interessant voor het Haagse klantcontactcentrum."),
    (D, "In de regio Dublin worden al enkele jaren pakketten en medicijnen met drones bezorgd."),
    (
        D,
        "Dublin heeft een meldpunt en vaste vliegtijden ingevoerd vanwege geluidsoverlast en "
        "privacyzorgen van bewoners.",
    ),
    (D, "Smart Dublin en Den Haag wisselen voor de zomer van 2023 hun concept-beleid voor drones uit."),
    (
        D,
        "Declan Moore van de Irish Aviation Authority geeft in juni een online toelichting over "
        "dronedetectie aan de Haagse afdeling veiligheid.",
    ),
    (D, "Den Haag bereidt beleid voor over drones boven de stad en wilde daarvoor de Ierse ervaringen gebruiken."),
    (W, "De stad Wenen was gastheer van de voorjaarsbijeenkomst van UIC2."),
    (W, "Volgens de andere steden loopt de Haagse aanpak van dronedetectie bij evenementen voorop."),
    (
        W,
        "Bij het aanwijzen van U-space luchtruim adviseert de gemeente over gebieden boven woonwijken, "
        "scholen en parken.",
    ),
    (
        M,
        "Madrid heeft een stadsbreed model gebouwd dat verkeer, energieverbruik van gebouwen en hitte "
        "op straat combineert.",
    ),
    (M, "De werkwijze voor hittekaarten per straat is direct bruikbaar voor het Haagse hitteplan."),
    (M, "Madrid werkt met een klein vast team en koopt rekenkracht in bij een publieke cloudpartij."),
    (M, "In mei 2025 volgt een online werksessie van de technische teams van Madrid en Den Haag."),
    (M, "Den Haag en Madrid maakten afspraken over het delen van open broncode voor het omzetten van gebouwgegevens."),
    (BR, "In september 2025 reisde een Haagse medewerker met de nachttrein naar Bratislava."),
    (BR, "Bratislava gebruikt slimme straatverlichting die bij drukte feller wordt en storingen zelf meldt."),
    (
        BR,
        "Bratislava heeft met de politie afspraken gemaakt over het gebruik van camerabeelden, met "
        "strikte regels voor bewaartermijnen.",
    ),
    (BR, "Martina Kováčová wordt uitgenodigd voor de bijeenkomst van het CIO-netwerk in Den Haag."),
    (BR, "Begin 2026 organiseren Bratislava en Den Haag samen een online sessie over crowdmanagement."),
    (BR, "De nachttrein bleek voor deze bestemming goed te werken."),
]
FAITHFUL += [
    (
        L,
        "Een medewerker van de gemeente bezocht in juni 2018 de London Tech Week om te leren hoe Londen "
        "zijn data ontsluit.",
    ),
    (L, "Met CitySense, een start-up voor luchtkwaliteitsmetingen, is geen afspraak gemaakt."),
    (L, "Bij Digital Catapult in Kings Cross sprak de Haagse ambtenaar met onderzoeker Emma Clarke."),
    (
        K,
        "Twee medewerkers van de gemeente reisden in mei 2019 naar Kopenhagen om meer te leren over de "
        "digitale tweeling van de stad.",
    ),
    (K, "De Deense hoofdstad werkt met CityGML en een open datamodel."),
    (K, "Het Enghaveparken vangt bij hevige regen water op."),
    (
        K,
        "Volgens Kopenhagen kun je een digitale tweeling het beste beginnen met één vraag, zoals waar "
        "het water heen loopt bij een wolkbreuk.",
    ),
    (B, "De Haagse inbreng over open standaarden en interoperabiliteit staat in de conceptversie van de verklaring."),
    (
        B,
        "Den Haag kreeg een overzicht van Europese subsidielijnen voor digitale projecten, met de "
        "tijdpaden voor aanvragen.",
    ),
    (B, "In het Huis van de Nederlandse Provincies sprak de delegatie kort met de vertegenwoordiging van de G40."),
    (T, "In Tallinn lag de nadruk op digitale overheidsdiensten."),
    (T, "De Estse overheid vraagt een gegeven maar één keer uit."),
    (T, "Het bezoek versterkte de contacten binnen het CIO-netwerk."),
    (D, "Geluidsoverlast en privacy waren in Dublin de grootste zorgen van bewoners over drones."),
    (
        D,
        "Technieken voor dronedetectie rond evenementen zijn van belang voor grote evenementen in Den "
        "Haag en Scheveningen.",
    ),
    (D, "In Balbriggan, ten noorden van Dublin, bezocht Den Haag een dronebezorgcentrum."),
    (D, "Een gemeente kan binnen de U-space-regels zelf landingsplekken en vliegroutes boven parken bepalen."),
    (W, "Wenen zet bij grote branden een drone in, zodat de brandweer snel een beeld van bovenaf heeft."),
    (W, "De bijeenkomst vond plaats in het Rathaus van Wenen."),
    (
        W,
        "Den Haag werkt mee aan een notitie van UIC2 over de rol van gemeenten bij U-space, waarvan het "
        "concept in september 2024 klaar moet zijn.",
    ),
    (M, "Carmen Ortega van de Universidad Politécnica de Madrid deelt haar onderzoek naar hitte op straatniveau."),
    (M, "Het bezoek aan Madrid kwam voort uit een afspraak binnen het netwerk van stedelijke CIO's."),
    (
        M,
        "In Madrid bezocht de delegatie het Palacio de Cibeles, het mobiliteitscentrum en het "
        "innovatielab in Matadero.",
    ),
    (BR, "De reis naar Bratislava volgde op een afspraak binnen het internationale netwerk van stedelijke CIO's."),
    (
        BR,
        "Het slimme verlichtingsvoorbeeld uit Bratislava past bij de vervanging van de verlichting op "
        "de Haagse boulevard.",
    ),
    (BR, "Peter Horváth leidt de meldkamer van de stadspolitie in Bratislava."),
]
CHANGED: list[tuple[str | tuple[str, ...], str]] = [
    (T, "Den Haag organiseert in het najaar van 2022 de volgende bijeenkomst van het CIO-netwerk."),
    (W, "Den Haag heeft de UIC2-notitie over de rol van gemeenten bij U-space al afgerond."),
    (M, "Carmen Ortega heeft haar onderzoek naar hitte op straatniveau gepubliceerd in Den Haag."),
    (BR, "Den Haag heeft met de politie afspraken gemaakt over het gebruik van camerabeelden."),
    (L, "Rachel Okafor heeft de beschrijving van het datasetbeheer al gestuurd."),
    (B, "Den Haag ondertekende in Brussel de Europese verklaring."),
    (K, "Den Haag heeft in Aarhus een demonstratie van zijn eigen 3D-model gegeven."),
    (BR, "Martina Kováčová heeft de bijeenkomst van het CIO-netwerk in Den Haag bijgewoond."),
    (M, "Den Haag koopt rekenkracht in bij een publieke cloudpartij."),
    (D, "Smart Dublin en Den Haag hebben hun concept-beleid voor drones al uitgewisseld."),
    (T, "Den Haag deelt de evaluatie van de Estse chatbot met Kadri Tamm."),
    (W, "Den Haag was gastheer van de voorjaarsbijeenkomst van UIC2."),
    (L, "Den Haag heeft een publiek overzicht van ontbrekende data ingevoerd."),
    (K, "Mette Lindholm heeft het model aan de afdeling ruimtelijke ordening gepresenteerd."),
    (B, "De Europese Commissie keurde de Haagse punten over open standaarden goed."),
    (D, "Den Haag heeft een meldpunt en vaste vliegtijden voor drones ingevoerd."),
]
FAITHFUL += [
    (
        (D, W),
        "Zowel in Dublin als in Wenen ging het over de vraag wat een gemeente zelf kan bepalen over "
        "drones boven de stad.",
    ),
    (
        (K, M),
        "Kopenhagen en Madrid werken allebei met een digitale tweeling, en Madrid combineert daarin "
        "verkeer, energieverbruik en hitte.",
    ),
    ((T, BR), "Zowel de reis naar Tallinn als die naar Bratislava hing samen met het netwerk van stedelijke CIO's."),
    (
        (D, W),
        "Den Haag deelde in Wenen zijn ervaringen met dronedetectie, en Declan Moore geeft een online "
        "toelichting over dronedetectie.",
    ),
    ((L, B), "In Londen en Brussel ging het om open data en open standaarden."),
    (
        (M, BR),
        "Met Madrid volgt in mei 2025 een online werksessie; met Bratislava organiseert Den Haag begin "
        "2026 een online sessie over crowdmanagement.",
    ),
]
CHANGED += [
    ((K, M), "Madrid en Kopenhagen organiseerden samen een werksessie over digitale tweelingen."),
]

FAITHFUL += [
    (
        L,
        "Daarnaast kreeg de Haagse ambtenaar in Londen voorbeelden van het combineren van "
        "luchtkwaliteitsdata van burgers en bedrijven met eigen meetnetten.",
    ),
    (L, "Ook ontmoette Den Haag Sanjay Mehta, oprichter van de start-up CitySense."),
    (
        L,
        "Tijdens het bezoek sprak Den Haag met Theo Blackwell, Chief Digital Officer van Londen, "
        "en met Rachel Okafor van de Greater London Authority.",
    ),
    (
        K,
        "Tijdens het bezoek aan Kopenhagen leerde Den Haag dat je een digitale tweeling het beste "
        "met één vraag kunt beginnen.",
    ),
    (K, "In Kopenhagen komen in het 3D-stadsmodel gebouwen, ondergrond, riolering en klimaatgegevens samen."),
    (K, "Den Haag werkt zelf aan een 3D-stadsmodel."),
    (
        K,
        "Mette Lindholm, hoofd digitale tweeling bij de gemeente Kopenhagen, presenteert het model "
        "in het najaar van 2019 in Den Haag.",
    ),
    (
        B,
        "In Brussel bezocht de delegatie het Berlaymont-gebouw van de Europese Commissie en "
        "het kantoor van Eurocities.",
    ),
    (B, "Den Haag sprak er met Eva Martens van DG CONNECT en met Pieter De Smet van Eurocities."),
    (B, "Den Haag wilde in Brussel inbreng leveren over de positie van middelgrote steden bij Europese financiering."),
    (T, "In Tallinn sprak Den Haag met Kadri Tamm, hoofd digitale diensten van de stad."),
    (T, "Estland heeft een gezamenlijke laag voor gegevensuitwisseling tussen organisaties."),
    (T, "Het netwerk bespreekt twee keer per jaar wat steden doen aan digitalisering."),
    (
        D,
        "Dublin City Council, de Irish Aviation Authority en een dronebezorgcentrum in Balbriggan "
        "stonden op het programma in Dublin.",
    ),
    (D, "Den Haag kreeg in Dublin kennis over de regels voor het luchtruim boven steden."),
    (D, "Bewoners in Dublin maakten zich vooral zorgen over geluidsoverlast en privacy."),
    (W, "In Wenen kwamen steden samen om te bespreken wie bepaalt waar drones boven een stad mogen vliegen."),
    (W, "Op het testterrein van de Technische Universiteit Wenen in Aspern worden drones getest."),
    (
        W,
        "Stefan Gruber, coördinator luchtmobiliteit bij de stad Wenen, deelt het Weense protocol "
        "voor drones bij de brandweer met Den Haag.",
    ),
    (W, "Vertegenwoordigers van Hamburg, Toulouse, Ingolstadt, Dublin en Amsterdam waren er ook."),
    (
        M,
        "In Madrid worden verkeer, energieverbruik van gebouwen en hitte op straat in één "
        "stadsbreed model gecombineerd.",
    ),
    (M, "Den Haag leerde in Madrid hoe je hittekaarten per straat maakt en koppelt aan een digitale spiegelstad."),
    (M, "Lucía Fernández is directeur digitale tweeling bij de gemeente Madrid."),
    (BR, "De reis naar Bratislava ging heen en terug met de nachttrein, met een korte tussenstop in Wenen."),
    (
        BR,
        "In Bratislava werd gesproken over slimme straatverlichting, camera's met "
        "privacyvriendelijke beeldverwerking en het beheer van drukte bij evenementen aan de Donau.",
    ),
    (BR, "Den Haag bezocht in Bratislava de meldkamer van de stadspolitie en het nieuwe stadsdeel langs de Donau."),
    (BR, "De treinreis van ca. 2700 km retour gaf ca. 40 kg CO2-uitstoot."),
]
CHANGED += [
    (W, "Den Haag heeft in Aspern een testterrein voor drones geopend."),
    (M, "Den Haag heeft een stadsbreed model gebouwd waarin verkeer, energieverbruik en hitte worden gecombineerd."),
    (BR, "Den Haag en Bratislava hebben begin 2026 een online sessie over crowdmanagement gehouden."),
    (K, "Mette Lindholm heeft in het najaar van 2019 het model in Den Haag gepresenteerd."),
]


def _check(names: str | tuple[str, ...], sentence: str) -> list[str]:
    cited = (names,) if isinstance(names, str) else names
    texts = {n: read_document(REPORTS / name, max_bytes=10**8, max_chars=10**7).text for n, name in enumerate(cited, 1)}
    indexes = SourceIndexes(texts, dict(enumerate(cited, 1)))
    check = check_sentence(CitedSentence(text=sentence, sources=list(texts)), indexes)
    return [f"{u.text!r}: {u.reason}" for u in check.unsupported]


@pytest.mark.parametrize(("names", "sentence"), FAITHFUL)
def test_a_faithful_restatement_passes(names: str | tuple[str, ...], sentence: str) -> None:
    assert _check(names, sentence) == []


@pytest.mark.parametrize(("names", "sentence"), CHANGED)
def test_a_changed_predicate_or_actor_is_flagged(names: str | tuple[str, ...], sentence: str) -> None:
    assert _check(names, sentence)

"""Facts by code that hold on any phrasing: generated variants of how officials write them.

Each test composes a note line from parts (Dutch and English, digits and number words, fillers
before and after, other lines around it) and checks the extracted value, so that a change of a
pattern that breaks one way of writing fails here rather than on an official's notes.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from verslaghulp.facts import count_travellers, extract_period, extract_transport_legs
from verslaghulp.facts.lexicon import MONTH_NAMES_NL
from verslaghulp.facts.rail import stated_train_hours
from verslaghulp.facts.transport import Mode, carriers_in

NUMBER_WORDS_NL = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}
NUMBER_WORDS_EN = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
FILLER_BEFORE = st.sampled_from(["", "NB: ", "- ", "reis: ", "Dienstreis Lyon. "])
FILLER_AFTER = st.sampled_from(["", ".", ", hotel bij station", " (zie ook agenda)", "; verder niets"])
OTHER_LINES = st.lists(
    st.sampled_from(["doel: kennisdeling open data", "gesproken met de CIO", "geleerd: klein beginnen", "lunch"]),
    max_size=3,
)


def _number(n: int, words: dict[int, str], as_word: bool) -> str:
    return words[n] if as_word else str(n)


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(2, 6),
    as_word=st.booleans(),
    template=st.sampled_from(
        [
            "we waren met {nl}",
            "met z'n {nl}en",
            "{nl} personen",
            "{en} of us went",
            "we were {en}",
            "there were {en} of us",
            "delegatie van {nl} personen",
        ]
    ),
    before=FILLER_BEFORE,
    after=FILLER_AFTER,
    others=OTHER_LINES,
)
def test_a_stated_party_size_is_read_in_any_wording(
    n: int, as_word: bool, template: str, before: str, after: str, others: list[str]
) -> None:
    nl, en = _number(n, NUMBER_WORDS_NL, as_word), _number(n, NUMBER_WORDS_EN, as_word)
    if "z'n" in template and not as_word:
        return  # "met z'n 3en" is not written; "met z'n drieën" is (covered by the next test)
    line = before + template.format(nl=nl, en=en) + after
    found = count_travellers("\n".join([*others, line]))
    assert found is not None and found.count == n, line
    assert found.evidence in line


@settings(max_examples=100, deadline=None)
@given(
    phrase=st.sampled_from(
        ["alleen ik", "ik alleen", "in mijn eentje", "solo", "reisde alleen", "travelled alone", "just me"]
    ),
    before=FILLER_BEFORE,
    after=FILLER_AFTER,
    others=OTHER_LINES,
)
def test_travelling_alone_is_one_person(phrase: str, before: str, after: str, others: list[str]) -> None:
    found = count_travellers("\n".join([*others, before + phrase + after]))
    assert found is not None and found.count == 1


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(1, 4),
    as_word=st.booleans(),
    lead=st.sampled_from(["ik en", "ik +", "ik met", "me and", "I and"]),
)
def test_the_writer_and_colleagues_count_the_writer_too(n: int, as_word: bool, lead: str) -> None:
    if n == 1:
        line = f"{lead} collega" if lead.startswith(("ik", "me")) else f"{lead} a colleague"
    else:
        noun = "collega's" if lead.startswith("ik") else "colleagues"
        words = NUMBER_WORDS_NL if lead.startswith("ik") else NUMBER_WORDS_EN
        line = f"{lead} {_number(n, words, as_word)} {noun}"
    found = count_travellers(line)
    assert found is not None and found.count == n + 1, line


FIRST = st.sampled_from(["Sanne", "Youssef", "Ilse", "Bram", "Noor", "Pieter", "Fatima", "Daan", "Mirjam", "Koen"])
LAST = st.sampled_from(["de Wit", "Hoekstra", "El Amrani", "van Dalen", "Bos", "Kuipers", "Visser", "Ouali"])
ROLE = st.sampled_from(["beleidsadviseur", "wethouder", "projectleider", "stedenbouwkundige", "jurist", "collega"])
NAMES = st.lists(st.tuples(FIRST, LAST).map(" ".join), min_size=1, max_size=5, unique=True)


@settings(max_examples=150, deadline=None)
@given(
    names=NAMES,
    detail=st.sampled_from(["", " ({role})", ", {role}", " - {role}"]),
    role=ROLE,
    writer=st.sampled_from(["ikzelf", "ik", "ondergetekende", "mijzelf", "ikzelf (verslag)"]),
    at=st.integers(0, 5),
    shape=st.sampled_from(["- {m}", "* {m}", "• {m}", "{m}"]),
    label=st.sampled_from(["Delegatie:", "Wie:", "Deelnemers:", "Reisgezelschap:", "Mee:"]),
    others=OTHER_LINES,
)
def test_a_party_listed_one_per_line_with_the_writer_counts_every_line(
    names: list[str], detail: str, role: str, writer: str, at: int, shape: str, label: str, others: list[str]
) -> None:
    members = [name + detail.format(role=role) for name in names]
    members.insert(min(at, len(members)), writer)
    block = [label, *(shape.format(m=m) for m in members)]
    found = count_travellers("\n".join(["Kopenhagen, 3 t/m 5 juni", *block, "", *others]))
    assert found is not None and found.count == len(names) + 1, block


@settings(max_examples=100, deadline=None)
@given(names=NAMES, writer=st.sampled_from(["en ondergetekende", "en ik", "ondergetekende"]))
def test_a_list_under_a_label_that_ends_with_the_writer_counts_them_all(names: list[str], writer: str) -> None:
    found = count_travellers("\n".join(["Deelnemers:", *names, writer, "Vervoer: trein", "Gesproken met Anna Berg"]))
    assert found is not None and found.count == len(names) + 1


@settings(max_examples=100, deadline=None)
@given(names=NAMES)
def test_a_list_of_people_met_is_never_the_party_even_with_the_writer_in_it(names: list[str]) -> None:
    text = "\n".join(["Wenen 2025", "Gesprekken:", *(f"- {n}" for n in names), "- ik"])
    assert count_travellers(text) is None


@settings(max_examples=150, deadline=None)
@given(
    members=st.lists(st.tuples(ROLE, FIRST, LAST).map(" ".join), min_size=1, max_size=3, unique=True),
    lead=st.sampled_from(
        ["Samen met {m} naar Oslo.", "Reis samen met {m}, vertrek 8:10.", "Met {m}.", "Met {m} naar Oslo"]
    ),
)
def test_members_named_with_their_roles_after_with_are_counted(members: list[str], lead: str) -> None:
    listing = members[0] if len(members) == 1 else ", ".join(members[:-1]) + " en " + members[-1]
    line = lead.format(m=listing)
    found = count_travellers("Oslo Innovation Week\n" + line + "\ngesprek met wethouder Kari Olsen")
    assert found is not None and found.count == len(members) + 1, line


@settings(max_examples=60, deadline=None)
@given(first=FIRST, last=LAST, met=st.sampled_from(["gesprek met", "standgesprek met", "meeting with", "ontmoet:"]))
def test_a_coordination_stops_where_the_people_met_begin(first: str, last: str, met: str) -> None:
    line = f"met {first} {last} (EZ) en ik, {met} Marta Puig, head of innovation Ajuntament, en Luca Neri"
    found = count_travellers(line)
    assert found is not None and found.count == 2, line


@settings(max_examples=60, deadline=None)
@given(
    phrase=st.sampled_from(
        [
            "in m'n eentje",
            "in me eentje",
            "alleen ikzelf",
            "alleen mijzelf",
            "ik was de enige die ging",
            "was ik de enige van de afdeling",
            "I was the only one from The Hague",
            "only myself",
        ]
    ),
    before=st.sampled_from(["", "Wie: ", "- ", "Ging "]),
    after=st.sampled_from(["", " (collega ziek)", ", de rest bleef thuis", "."]),
)
def test_more_ways_of_travelling_alone(phrase: str, before: str, after: str) -> None:
    found = count_travellers("\n".join(["Riga Smart City Summit", before + phrase + after, "gesprek met de CIO"]))
    assert found is not None and found.count == 1, before + phrase + after


TITLED = st.sampled_from(
    ["ir. P. van Leeuwen", "drs. E. Claassen", "mw. H. Veenstra", "dhr. K. Peters", "Mr. H. de Jong"]
)
WHO_LABELS = st.sampled_from(
    ["Wie:", "Deelnemers:", "Deelnemer(s):", "Afvaardiging:", "Attendees (Den Haag):", "Namens de gemeente:", "Team:"]
)


@settings(max_examples=150, deadline=None)
@given(
    label=WHO_LABELS,
    names=st.lists(st.one_of(st.tuples(FIRST, LAST).map(" ".join), TITLED), min_size=2, max_size=4, unique=True),
    writer=st.sampled_from(["", "ik", "ondergetekende", "mijzelf als coördinator", "the undersigned"]),
    role=st.sampled_from(["", " (teamleider)", " (adviseur)"]),
    below=st.booleans(),
)
def test_a_label_of_who_went_lists_the_whole_party(
    label: str, names: list[str], writer: str, role: str, below: bool
) -> None:
    members = [n + role for n in names] + ([writer] if writer else [])
    listing = "\n".join(members) if below else ", ".join(members[:-1]) + " en " + members[-1]
    text = f"Werkbezoek Leuven\n{label}{chr(10) if below else ' '}{listing}\n\nGesprekken: Anna Berg, Luc Peeters"
    found = count_travellers(text)
    assert found is not None and found.count == len(members), text


@settings(max_examples=100, deadline=None)
@given(
    label=st.sampled_from(["Gereisd met:", "Op pad met", "Mee:", "Reisgenoten:"]),
    names=st.lists(st.one_of(FIRST, TITLED), min_size=1, max_size=3, unique=True),
)
def test_a_label_of_who_came_along_adds_the_writer(label: str, names: list[str]) -> None:
    listing = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    found = count_travellers(f"Sevilla\n{label} {listing}\nTer plaatse rondgeleid door Ana García")
    assert found is not None and found.count == len(names) + 1


@settings(max_examples=100, deadline=None)
@given(
    label=st.sampled_from(["Aantal:", "Aantal personen:", "pers.:", "Participants:", "Number of travellers:"]),
    n=st.integers(1, 6),
    as_word=st.booleans(),
    after=st.sampled_from(["", " (ondergetekende + teamleider)", ".", " (myself)"]),
)
def test_a_label_of_the_number_gives_it(label: str, n: int, as_word: bool, after: str) -> None:
    number = NUMBER_WORDS_NL.get(n, "één" if n == 1 else str(n)) if as_word else str(n)
    found = count_travellers(f"Werkbezoek Essen\n{label} {number}{after}\nvervolg: verslag")
    assert found is not None and found.count == n


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(TITLED, min_size=1, max_size=3, unique=True),
    verb=st.sampled_from(["Ik ging met", "Ik reisde met", "We gingen samen met", "I went with", "Op pad met"]),
)
def test_the_writer_going_with_titled_colleagues_counts_them(names: list[str], verb: str) -> None:
    listing = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    found = count_travellers(f"Bezoek Düsseldorf\n{verb} {listing} naar de Messe.")
    assert found is not None and found.count == len(names) + 1


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(2, 6),
    template=st.sampled_from(
        [
            "uiteindelijk zijn we met {nl} gegaan",
            "we zijn met {nl} gereisd",
            "We zijn met een kleine groep van {d} gegaan.",
            "We were a party of {en} (me included).",
            "De delegatie (wethouder + {d1} ambtenaren) werd ontvangen door de burgemeester.",
        ]
    ),
)
def test_more_ways_of_stating_the_party_size(n: int, template: str) -> None:
    line = template.format(nl=NUMBER_WORDS_NL[n], en=NUMBER_WORDS_EN[n], d=n, d1=n - 1)
    found = count_travellers(f"Reis Praag\n{line}\nOntmoet: Sophie Laurent, Marc Petit")
    assert found is not None and found.count == n, line


def test_a_list_goes_on_on_the_line_below() -> None:
    found = count_travellers("Notities Kopenhagen\nik, Bas, Lotte\n+ Gert-Jan van team Energie\nGastvrouw: Mette")
    assert found is not None and found.count == 4


def test_a_line_of_only_alone_with_its_reason_in_brackets_is_one_person() -> None:
    found = count_travellers("Milaan 22-23/10\nalleen (collega afgezegd)\nvlucht KLM")
    assert found is not None and found.count == 1


def test_a_travel_companion_by_name_counts() -> None:
    found = count_travellers("Lyon\nBij het rondje bleek dat mijn reisgenoot Daan (verkeerskundige) het al kende.")
    assert found is not None and found.count == 2


def test_someone_met_with_a_role_is_no_traveller() -> None:
    assert count_travellers("di: bezoek stadhuis, gesprek met kabinetsmedewerker Jonas De Smet") is None


dates = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    start=dates,
    days=st.integers(2, 6),
    template=st.sampled_from(
        [
            "vertrek {date}, {n} dagen",
            "{n}-daagse vanaf {date}",
            "{date}, {n} days",
            "heen {date}\n{n} dagen",
        ]
    ),
)
def test_one_date_and_a_stated_duration_give_the_period(start: dt.date, days: int, template: str) -> None:
    written = f"{start.day} {MONTH_NAMES_NL[start.month - 1]} {start.year}"
    text = template.format(date=written, n=days)
    period = extract_period(text)
    assert period is not None, text
    assert period.start == start and period.days == days and period.end_from_stated
    assert period.end == start + dt.timedelta(days=days - 1)


@settings(max_examples=60, deadline=None)
@given(start=dates, length=st.integers(1, 5), stated=st.integers(2, 8))
def test_a_stated_count_that_contradicts_the_dates_is_a_finding(start: dt.date, length: int, stated: int) -> None:
    end = start + dt.timedelta(days=length)
    text = (
        f"{start.day} {MONTH_NAMES_NL[start.month - 1]} {start.year} t/m "
        f"{end.day} {MONTH_NAMES_NL[end.month - 1]} {end.year}, {stated} dagen"
    )
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, end)
    assert period.stated_conflict is (stated != length + 1)


WEEKDAY_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
WEEKDAY_SHORT = ["ma", "di", "wo", "do", "vr", "za", "zo"]
WEEKDAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nl(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES_NL[day.month - 1]} {day.year}"


@settings(max_examples=100, deadline=None)
@given(
    start=dates,
    nights=st.integers(1, 5),
    template=st.sampled_from(
        [
            "vertrokken {date}, {n} nachten",
            "heen {date} ({n} nachten in het hotel)",
            "{date}, {n} nights",
            "{date} - {n} overnachtingen",
        ]
    ),
)
def test_one_date_and_the_nights_away_give_the_period(start: dt.date, nights: int, template: str) -> None:
    period = extract_period(template.format(date=_nl(start), n=nights))
    assert period is not None and (period.start, period.nights) == (start, nights)


@settings(max_examples=150, deadline=None)
@given(
    start=dates,
    ahead=st.integers(1, 6),
    names=st.sampled_from([WEEKDAY_NL, WEEKDAY_SHORT, WEEKDAY_EN]),
    template=st.sampled_from(
        [
            "van {wd0} {date} tot en met {wd1}",
            "{wd0} {date} t/m {wd1}",
            "vertrek {wd0} {date}, {wd1} terug",
            "vertrek {date} ({wd1} terug)",
            "arrived on {wd0} {date} and back home on {wd1}",
            "heen {date}, retour op {wd1}",
        ]
    ),
)
def test_one_date_and_the_weekday_of_return_give_the_period(
    start: dt.date, ahead: int, names: list[str], template: str
) -> None:
    end = start + dt.timedelta(days=ahead)
    text = template.format(date=_nl(start), wd0=names[start.weekday()], wd1=names[end.weekday()])
    period = extract_period("Werkbezoek Lyon\n" + text + "\nvervolg: evaluatie in het najaar")
    assert period is not None and (period.start, period.end) == (start, end), text


@settings(max_examples=100, deadline=None)
@given(start=dates, length=st.integers(1, 3), label=st.sampled_from(["Dag", "dag", "Day"]))
def test_numbered_day_headers_are_no_ranges(start: dt.date, length: int, label: str) -> None:
    days = [start + dt.timedelta(days=i) for i in range(length + 1)]
    text = "\n".join(f"{label} {i + 1} - {_nl(day)}\nprogramma" for i, day in enumerate(days))
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (days[0], days[-1]), text


@settings(max_examples=60, deadline=None)
@given(start=dates, sep=st.sampled_from([" + ", " & ", " en ", ", "]))
def test_two_listed_days_are_the_period(start: dt.date, sep: str) -> None:
    end = start + dt.timedelta(days=1)
    if end.month != start.month:
        return
    text = f"Bremen {WEEKDAY_SHORT[start.weekday()]} {start.day}{sep}{WEEKDAY_SHORT[end.weekday()]} {_nl(end)}"
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, end), text


@settings(max_examples=100, deadline=None)
@given(
    start=dates,
    later=st.sampled_from(
        [
            "uitgenodigd voor het forum van volgend jaar ({a} t/m {b})",
            "next year's summit ({a} - {b}) to present our programme",
            "vervolg: terugkomdagen {a} t/m {b}",
        ]
    ),
)
def test_a_later_events_range_does_not_replace_the_trips_own_date(start: dt.date, later: str) -> None:
    a, b = start + dt.timedelta(days=300), start + dt.timedelta(days=302)
    text = f"Vertrokken {_nl(start)}, 2 nachten\nforum bezocht\n- {later.format(a=_nl(a), b=_nl(b))}"
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, start + dt.timedelta(days=2)), text


@settings(max_examples=60, deadline=None)
@given(start=dates, later=st.integers(1, 5), word=st.booleans(), lead=st.sampled_from(["terugkomst", "terug", "back"]))
def test_a_return_some_days_later_gives_the_period(start: dt.date, later: int, word: bool, lead: str) -> None:
    n = NUMBER_WORDS_NL.get(later, str(later)) if word and lead != "back" else str(later)
    unit = "days" if lead == "back" else "dagen" if later > 1 else "dag"
    period = extract_period(f"Reis Tallinn\nVertrek {_nl(start)}, {lead} {n} {unit} later.")
    assert period is not None and (period.start, period.end) == (start, start + dt.timedelta(days=later))


@settings(max_examples=60, deadline=None)
@given(start=dates, days=st.integers(2, 5), label=st.sampled_from(["Dag", "Day"]))
def test_numbered_day_headers_after_one_dated_header_give_the_period(start: dt.date, days: int, label: str) -> None:
    headers = [f"{label} 1 – {_nl(start)}: aankomst"] + [f"{label} {k} – programma" for k in range(2, days + 1)]
    period = extract_period("Verslag Göteborg\n" + "\n".join(headers))
    assert period is not None and (period.start, period.days) == (start, days)


@settings(max_examples=60, deadline=None)
@given(start=dates, due=st.sampled_from(["Verslag inleveren vóór {d}.", "Deadline rapportage: {d}", "due before {d}"]))
def test_a_deadline_after_a_listed_trip_is_not_its_end(start: dt.date, due: str) -> None:
    end = start + dt.timedelta(days=1)
    if end.month != start.month:
        return
    deadline = end + dt.timedelta(days=20)
    text = f"Bezoek Gent {start.day} en {_nl(end)}\n{due.format(d=_nl(deadline))}"
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, end), text


TRAINS = ["ICE", "Thalys", "Eurostar", "Nightjet", "TGV", "Railjet", "intercity", "trein"]


@settings(max_examples=100, deadline=None)
@given(
    train=st.sampled_from(TRAINS),
    route=st.sampled_from(["naar Berlijn", "via Köln naar Frankfurt", "Den Haag - Parijs", "Amsterdam C -> Wien Hbf"]),
    km=st.sampled_from(["", ", ca. 850 km", " (1700 km retour)"]),
)
def test_a_train_by_its_name_is_a_train(train: str, route: str, km: str) -> None:
    legs = extract_transport_legs(f"heen met de {train} {route}{km}")
    assert [leg.mode for leg in legs] == [Mode.TREIN]
    if train != "trein" and train != "intercity":
        assert train in carriers_in(legs[0].evidence)


@settings(max_examples=100, deadline=None)
@given(
    not_taken=st.sampled_from(
        [
            "vliegen kon ook maar we namen de {t}",
            "vliegen was ook een optie, toch de {t} genomen",
            "geen vliegtuig, met de {t}",
            "flying was an option but we took the {t}",
        ]
    ),
    train=st.sampled_from(["Thalys", "ICE", "Eurostar", "trein"]),
)
def test_a_flight_named_only_as_the_alternative_is_no_leg(not_taken: str, train: str) -> None:
    legs = extract_transport_legs(not_taken.format(t=train) + " naar Parijs")
    assert {leg.mode for leg in legs} == {Mode.TREIN}


@settings(max_examples=80, deadline=None)
@given(
    hours=st.sampled_from(["12", "12,5", "9", "13"]),
    template=st.sampled_from(
        [
            "trein zou {h} uur duren dus toch gevlogen naar Rome",
            "gevlogen want trein duurt ca {h} uur",
            "KLM naar Rome; per trein {h} uur, te lang",
        ]
    ),
)
def test_a_flight_justified_by_the_train_time_is_a_flight_and_the_time_is_read(hours: str, template: str) -> None:
    text = template.format(h=hours)
    assert [leg.mode for leg in extract_transport_legs(text)] == [Mode.VLIEGTUIG]
    stated = stated_train_hours(text)
    assert stated is not None and stated[0] == float(hours.replace(",", "."))


@settings(max_examples=120, deadline=None)
@given(
    taken=st.sampled_from(["ICE naar Frankfurt, 480 km enkele reis", "KLM Schiphol - Lissabon v.v.",
                           "Flixbus Den Haag - Brussel, heen en terug"]),
    rejected=st.sampled_from(["trein", "vlucht", "auto", "Eurostar", "train", "flight"]),
    shape=st.sampled_from([
        "Niet {m}.", "geen {m}", "{m} geen optie, >20 u", "{m} was twee keer zo duur", "{m} not an option (>30 h)",
        "nobody took the {m}", "{m} uitverkocht", "{m} viel op zondag uit", "zonder {m}", "in plaats van de {m}",
        "{m} te duur", "{m} was more expensive",
    ]),
    separator=st.sampled_from([". ", "; ", "\n"]),
)  # fmt: skip
def test_a_mode_negated_or_turned_down_is_no_leg(taken: str, rejected: str, shape: str, separator: str) -> None:
    text = taken + separator + shape.format(m=rejected)
    legs = extract_transport_legs(text)
    taken_modes = {leg.mode for leg in extract_transport_legs(taken)}
    assert {leg.mode for leg in legs} == taken_modes, text


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.sampled_from(["nacht", "snel", "hogesnelheids", "veer", "nachtveer", "slaap", "dag"]),
    head=st.sampled_from([("trein", Mode.TREIN), ("boot", Mode.BOOT)]),
    route=st.sampled_from(["Kiel - Oslo", "naar Lyon", "Hoek van Holland - Harwich"]),
)
def test_a_compound_ending_in_a_vehicle_is_that_vehicle(prefix: str, head: tuple[str, Mode], route: str) -> None:
    word, mode = head
    legs = extract_transport_legs(f"heen met de {prefix}{word} {route}")
    assert [leg.mode for leg in legs] == [mode]


@settings(max_examples=60, deadline=None)
@given(
    way_back=st.sampled_from(
        ["and came back the same way.", "terug precies zo.", "terug op dezelfde manier.", "same way back."]
    ),
    km=st.sampled_from(["", " (ca. 1.200 km)", " (about 900 km each way)"]),
)
def test_the_same_way_back_at_the_end_of_a_paragraph_returns_every_leg_above_it(way_back: str, km: str) -> None:
    text = f"Ik vloog met KLM naar Helsinki{km} en nam de veerboot\nnaar Tallinn (80 km), {way_back}\n\nGesprekken"
    legs = extract_transport_legs(text)
    assert [leg.mode for leg in legs] == [Mode.VLIEGTUIG, Mode.BOOT]
    assert all(leg.return_trip for leg in legs)


@settings(max_examples=60, deadline=None)
@given(
    rejected=st.sampled_from(["Vliegen was sneller geweest", "De trein had ruim 11 uur geduurd", "Vliegen had gekund"]),
)
def test_a_mode_in_a_counterfactual_is_no_leg(rejected: str) -> None:
    taken = "trein" if "Vliegen" in rejected else "vliegtuig"
    text = f"Reis met de {taken} naar Wenen.\n{rejected}, maar we kozen anders."
    assert {leg.mode.value for leg in extract_transport_legs(text)} == {taken}


@settings(max_examples=60, deadline=None)
@given(
    route=st.sampled_from([("AMS", "CPH"), ("EIN", "BCN"), ("RTM", "LCY"), ("AMS", "VIE"), ("AMS", "HEL")]),
    sep=st.sampled_from(["-", " - ", "->", " > ", "/"]),
    lead=st.sampled_from(["vl. ", "", "KL ", "heen "]),
    back=st.sampled_from(["", " v.v.", " retour"]),
)
def test_a_route_between_two_airport_codes_is_a_flight(route: tuple[str, str], sep: str, lead: str, back: str) -> None:
    legs = extract_transport_legs(f"{lead}{route[0]}{sep}{route[1]}{back}, 630 km p. vlucht")
    assert [leg.mode for leg in legs] == [Mode.VLIEGTUIG]
    assert legs[0].return_trip is bool(back)


def test_codes_that_are_no_airports_are_no_route() -> None:
    assert extract_transport_legs("projectcode ABC-DEF, rapport NLD-BEL") == []


@settings(max_examples=80, deadline=None)
@given(
    case=st.sampled_from(
        [
            ("Nightjet naar Wenen, terug vl.", ["trein", "vliegtuig"]),
            ("tr. naar Brussel-Zuid, vandaar bus naar Gent", ["trein", "bus"]),
            ("We hadden kunnen vliegen, maar zijn met de {t} gegaan.", ["trein"]),
            ("Wilden met de Nightjet, die was vol; toen toch gevlogen (KLM).", ["vliegtuig"]),
            ("Flixbus overwogen, uiteindelijk toch de {t} genomen.", ["trein"]),
            ("Vliegtuig: nee. Trein: ja ({t}).", ["trein"]),
            ("Heen met de {t}, terug met het vliegtuig vanwege een staking bij de SNCF.", ["trein", "vliegtuig"]),
            ("Met de dienstauto naar Calais en met de autoferry naar Dover.", ["auto", "boot"]),
            ("Met de elektrische deelauto van de gemeente naar Antwerpen.", ["auto"]),
            ("We took the ferry from Hoek van Holland and drove on to Norwich.", ["boot", "auto"]),
        ]
    ),
    train=st.sampled_from(["trein", "Eurostar", "ICE", "Thalys"]),
)
def test_abbreviations_wishes_and_answers_are_read_as_what_was_travelled(
    case: tuple[str, list[str]], train: str
) -> None:
    text, modes = case
    line = text.format(t=train)
    assert list(dict.fromkeys(leg.mode.value for leg in extract_transport_legs(line))) == modes, line
    assert extract_transport_legs("Vlaamse overheid (Digitaal Vl.) presenteerde") == []


def test_a_compound_naming_a_subject_is_no_leg() -> None:
    assert extract_transport_legs("opbrengst: vergunningen voor BVLOS-vluchten en drone-vluchten") == []
    assert extract_transport_legs("opbrengst: dronevluchten en testvluchten boven de haven") == []
    assert extract_transport_legs("levert op: ervaring met deelauto's en nachttreinen in Europa") == []
    assert [leg.mode for leg in extract_transport_legs("17:30 terugvlucht naar Schiphol")] == [Mode.VLIEGTUIG]
    # The return flight of a journey already flown both ways is that journey, not a second leg.
    both_ways = (
        "daarom het vliegtuig (KLM vanaf Schiphol, heen en terug)\ndo: Solutions Lab in Kopenhagen, daarna terugvlucht"
    )
    assert [leg.return_trip for leg in extract_transport_legs(both_ways)] == [True]
    assert [leg.mode for leg in extract_transport_legs("KLM-vlucht naar Wenen")] == [Mode.VLIEGTUIG]


ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}


@settings(max_examples=100, deadline=None)
@given(
    start=dates,
    length=st.integers(1, 4),
    template=st.sampled_from([
        "from the {a} to the {b} of {month} {year}", "{a} to {b} {month} {year}", "{a}-{b} {month} {year}",
        "van de {da} t/m de {db} {maand} {year}", "we travelled from the {a} to the {b} of {month} {year}.",
    ]),
)  # fmt: skip
def test_ordinal_day_ranges_are_read(start: dt.date, length: int, template: str) -> None:
    end = start + dt.timedelta(days=length)
    if end.month != start.month:
        return  # these shapes name one month
    months_en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]  # fmt: skip
    text = template.format(
        a=f"{start.day}{ORDINAL.get(start.day, 'th')}", b=f"{end.day}{ORDINAL.get(end.day, 'th')}",
        da=f"{start.day}e", db=f"{end.day}e", month=months_en[start.month - 1],
        maand=MONTH_NAMES_NL[start.month - 1], year=start.year,
    )  # fmt: skip
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, end), text


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2019, 2027), week=st.integers(1, 52), first=st.integers(0, 3), length=st.integers(0, 3))
def test_a_week_number_with_weekdays_gives_the_days(year: int, week: int, first: int, length: int) -> None:
    names = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    text = f"Werkbezoek - wk {week} ({year}), {names[first]} t/m {names[first + length]}\nvervolg: nog plannen"
    period = extract_period(text)
    assert period is not None
    assert period.start == dt.date.fromisocalendar(year, week, first + 1)
    assert period.days == length + 1


def test_the_trips_own_dates_beat_the_events_in_brackets() -> None:
    period = extract_period("tech week (10-14 juni 2019), wij waren er van 11 t/m 13 juni")
    assert period is not None and (period.start.day, period.end.day) == (11, 13)


def test_a_bare_who_label_of_hosts_abroad_is_not_the_party() -> None:
    # Some writers head the people they met with "Wie:"; the party's own label wins, and hosts named
    # with a city abroad are never counted as travellers.
    notes = "Keulen\nReizigers: ik + Ahmed Yilmaz\nWie: Birgit Hoffmann (Amtsleiterin, Stadt Köln), Stefan Wagner"
    found = count_travellers(notes)
    assert found is not None and found.count == 2 and "Reizigers" in found.evidence
    assert count_travellers("Keulen\nWie: Birgit Hoffmann (Amtsleiterin, Stadt Köln), Stefan Wagner (Köln)") is None


def test_a_follow_up_that_names_the_writer_beside_someone_met_is_no_party() -> None:
    # "ik zet die door" tells what the writer does next; only going, travelling or being there makes a party.
    notes = "Brussel, alleen gegaan\nvervolg: Wouter stuurt de checklist van VVSG, ik zet die door naar het team"
    found = count_travellers(notes)
    assert found is not None and found.count == 1
    assert count_travellers("Gent\nHoi allen, ter bevestiging: Sjoerd, Anke en ik gaan.") is not None

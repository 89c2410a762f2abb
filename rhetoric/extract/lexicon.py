"""Word lists for attribution: speech and stance verbs with their inflections, auxiliaries, titles, demonyms.

The lists are English news usage, kept in code (no downloads). A verb lemma is either
*reporting* (it takes a clause: "said that ..."), *stance* (it takes an object: "backed
the plan"), or both; which one applies at an occurrence is decided by what follows it.

Example:
    >>> VERB_FORMS["suggested"], VERB_FORMS["says"]
    ('suggest', 'say')
    >>> "suggest" in REPORTING_LEMMAS and "suggest" in STANCE_LEMMAS
    True
"""

from __future__ import annotations

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "seek": ("seeks", "sought", "seeking"),
    "hold": ("holds", "held", "holding"),
    "admit": ("admits", "admitted", "admitting"),
    "make": ("makes", "made", "making"),
    "signal": ("signals", "signalled", "signaled", "signalling", "signaling"),
    "veto": ("vetoes", "vetoed", "vetoing"),
    "rule": ("rules", "ruled", "ruling"),
    "open": ("opens", "opened", "opening"),
    "cite": ("cites", "cited", "citing"),
}

#: Lemmas that can introduce reported speech (a clause, a quote or a colon follows).
REPORTING_LEMMAS: frozenset[str] = frozenset(
    """
    say tell add argue suggest state claim insist warn note explain declare announce assert stress
    emphasise emphasize underline underscore acknowledge admit concede deny maintain contend believe
    think predict signal indicate hint reiterate repeat write tweet post reply respond answer comment
    confirm report promise vow pledge threaten agree allege caution complain observe recall reveal
    remark conclude estimate ask demand propose recommend continue point make hope fear
    """.split()
)

#: Lemmas whose object is the statement ("has never supported X"): the verb belongs to the content.
STANCE_LEMMAS: frozenset[str] = frozenset(
    """
    support oppose back endorse favour favor welcome reject condemn criticise criticize dismiss urge
    call renew offer request apply push rule refuse accept open cite describe present express accuse
    blame praise seek lobby veto reaffirm denounce slam hail decry question demand propose suggest
    promise vow pledge threaten warn insist deny agree recommend announce confirm decline resist float
    voice want thank
    """.split()
)
#: Cue lemmas that give a clause its subject (so that ", stressing that …" and "but reiterated …"
#: after them find their speaker) yet attribute no statement themselves: a wish or fear the writer
#: ascribes ("mediators had hoped …", "Israel wants …") and acts ("thanked X", "declined to comment").
CONTENTLESS_LEMMAS: frozenset[str] = frozenset("hope fear want thank decline".split())

#: Stance lemmas that only count with a particle ("ruled out", "opened up to", "applied for").
PARTICLES: dict[str, tuple[str, ...]] = {
    "rule": ("out",),
    "point": ("out",),
    "make": ("clear", "it clear", "plain", "it plain"),
    "open": ("up to", "the door to"),
    "apply": ("for",),
    "push": ("for", "back"),
    "call": ("for", "on", "it", "them", "him", "her", "this", "that"),
    "lobby": ("for",),
    "renew": (
        "calls for",
        "call for",
        "his call for",
        "her call for",
        "its call for",
        "their call for",
        "his calls for",
        "her calls for",
        "its calls for",
        "their calls for",
    ),
}

#: Reporting verbs that may take a person object before the clause ("told reporters that").
OBJECT_VERBS: frozenset[str] = frozenset("tell warn assure inform remind promise urge ask".split())

#: Verbs allowed after a quote or comma in inverted order ("…,” said Zelensky).
INVERTING_LEMMAS: frozenset[str] = frozenset(
    "say add write ask continue explain insist warn note reply argue declare".split()
)

#: Participles that continue the speech of the clause's subject (", adding that …").
PARTICIPLE_CUES: frozenset[str] = frozenset(
    """
    adding saying arguing insisting warning noting stressing claiming promising vowing calling urging
    describing accusing suggesting stating explaining declaring acknowledging admitting pledging
    threatening demanding asking emphasising emphasizing reiterating underlining underscoring
    """.split()
)

#: Passive hearsay heads: "X is said to", "X is believed to".
HEARSAY_PARTICIPLES: frozenset[str] = frozenset(
    "said believed reported understood thought rumoured rumored".split()
)

AUXILIARIES: frozenset[str] = frozenset(
    """
    has have had is are was were will would could can may might must should shall did does do be been
    being 's 've 'd ’s ’ve ’d
    """.split()
)
BE_FORMS: frozenset[str] = frozenset("is are was were be been being".split())
NEGATIONS: frozenset[str] = frozenset("not never n't no".split())

#: Adverbs allowed inside a verb group ("has previously suggested", "recently opened").
VERB_GROUP_ADVERBS: frozenset[str] = frozenset(
    """
    previously long repeatedly never recently also already formally publicly again reportedly once
    often always still now earlier later further gradually firmly openly explicitly strongly even
    just first initially privately allegedly apparently consistently flatly categorically clearly
    effectively officially personally reluctantly quickly immediately finally eventually not yet
    lately frequently routinely regularly reportedly angrily bluntly sharply insistently notably
    separately subsequently then since otherwise increasingly loudly swiftly
    """.split()
)

#: Words that end a subject noun phrase when scanning leftwards from the verb.
CLAUSE_WORDS: frozenset[str] = frozenset(
    """
    that because while whereas although though if when as since but so which who whom whose where
    after before until unless whether than once how why what nor or yet for
    """.split()
)
#: Conjunctions after which a new clause may start a new attribution inside reported content.
COORDINATING: frozenset[str] = frozenset("and but while whereas yet ;".split())

#: First words of a comma-delimited parenthetical between subject and verb.
PARENTHETICAL_STARTERS: frozenset[str] = frozenset(
    """
    for on in at as however meanwhile though too also speaking who which whose like unlike after
    before during despite instead nonetheless still moreover then now once again by with without
    according writing meeting addressing visiting asked responding in turn meanwhile notably
    however of
    """.split()
)
#: Words that start a sentence-initial adverbial, never a subject.
ADVERBIAL_STARTERS: frozenset[str] = PARENTHETICAL_STARTERS | frozenset(
    "meanwhile however but and yet also still moreover furthermore separately indeed instead earlier "
    "later previously recently now then today yesterday last this so thus hence nevertheless "
    "nonetheless additionally finally first second in".split()
)

#: Prepositions after a stance verb that make its "object" a place or time, not content
#: ("the talks have concluded in Antalya").
CIRCUMSTANCE_PREPOSITIONS: frozenset[str] = frozenset(
    "in at on during after before near inside outside across throughout since until amid".split()
)
#: Lower-case particles that open a capitalised name part ("al-Busaidi", "bin Salman", "el-Sisi").
NAME_PARTICLES: tuple[str, ...] = (
    "al-",
    "el-",
    "ad-",
    "an-",
    "ar-",
    "as-",
    "ash-",
    "at-",
    "az-",
    "ul-",
    "bin-",
)

#: Determiners and quantifiers that make a subject too vague to be a speaker.
VAGUE_QUANTIFIERS: frozenset[str] = frozenset(
    "some many several few other others most various certain numerous all both any each".split()
)
PRONOUNS: dict[str, str] = {
    "he": "male",
    "she": "female",
    "it": "thing",
    "they": "plural",
    "we": "speaker",
    "i": "speaker",
}
REFLEXIVES: frozenset[str] = frozenset("itself himself herself themselves too also alone".split())
DETERMINERS: frozenset[str] = frozenset("the a an this that these those".split())

#: Head nouns that can denote a speaker (a person, office or organisation).
SPEAKER_NOUNS: frozenset[str] = frozenset(
    """
    official officials diplomat diplomats source sources spokesman spokeswoman spokesperson spokespeople
    minister ministers ministry president president-elect premier chancellor leader leaders analyst
    analysts expert experts envoy envoys ambassador ambassadors general generals commander commanders
    chief chiefs secretary secretary-general government governments administration authorities kremlin
    alliance lawmaker lawmakers legislator legislators senator senators congressman congresswoman mp mps
    deputy deputies aide aides adviser advisers advisor advisors negotiator negotiators delegation mayor
    governor head heads ally allies critic critics observer observers resident residents soldier
    soldiers military army office cabinet parliament council commission committee court agency service
    side team campaign party opposition people citizens voters journalist journalists reporter
    reporters correspondent newspaper daily weekly outlet broadcaster agency candidate king queen pope
    prince activist activists officer officers intelligence staff representative representatives
    delegate delegates economists researchers scientists insiders person man woman members
    member-states states country countries nation nations bloc union organisation organization
    force forces navy guard police prosecutor prosecutors watchdog regulator embassy mission
    leadership presidency foreign-ministry ministries headquarters command secretariat coalition
    partners partner counterpart counterparts colleague colleagues media
    """.split()
)
#: Heads of an unnamed voice of a state or organisation: "an unnamed Israeli official", "a Hamas
#: source", "Turkey's government", "a spokesman at Oman's foreign ministry" speak for that party.
PARTY_VOICE_NOUNS: frozenset[str] = frozenset(
    """
    official officials source sources spokesman spokeswoman spokesperson diplomat diplomats
    government ministry foreign-ministry administration authorities delegation negotiator negotiators
    embassy mission office presidency leadership military army cabinet
    """.split()
)
#: Capitalised modifiers of an official that name no party ("Western diplomats", "Gulf sources").
NOT_PARTIES: frozenset[str] = frozenset(
    "western eastern northern southern arab gulf international regional allied senior top".split()
)
#: Person heads a descriptor may use for someone the article names elsewhere ("the minister",
#: "a senior official"); with :data:`GENERIC_PERSON_HEADS` the head itself need not recur.
PERSON_HEADS: frozenset[str] = frozenset(
    """
    official spokesman spokeswoman spokesperson minister president leader envoy diplomat adviser advisor
    aide negotiator ambassador secretary chancellor premier chief head commander general mayor governor
    """.split()
)
GENERIC_PERSON_HEADS: frozenset[str] = frozenset("leader official chief head".split())
#: Words that say the article will not name the person ("an unnamed official").
ANONYMOUS_WORDS: frozenset[str] = frozenset("unnamed anonymous unidentified".split())
#: Common nouns by which an article refers back to a news outlet it named ("the outlet said").
OUTLET_NOUNS: frozenset[str] = frozenset(
    "outlet agency newspaper paper daily broadcaster network channel publication magazine".split()
)
#: News outlets often relayed in international coverage (a name here is an outlet, not a party).
OUTLETS: tuple[str, ...] = (
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Ukrinform",
    "BBC",
    "CNN",
    "NBC News",
    "CBS News",
    "ABC News",
    "Fox News",
    "Sky News",
    "Bloomberg",
    "Axios",
    "Politico",
    "The New York Times",
    "The Washington Post",
    "The Wall Street Journal",
    "The Guardian",
    "Financial Times",
    "The Times",
    "Le Monde",
    "Der Spiegel",
    "Al Jazeera",
    "Xinhua",
    "Anadolu",
    "Kyiv Independent",
    "Kommersant",
    "Izvestia",
    "Haaretz",
    "Times of Israel",
    "Al-Monitor",
)
#: Plural heads naming an unnamed group of people ("officials", "Western diplomats"): no actor.
PERSON_PLURALS: frozenset[str] = frozenset(
    """
    officials diplomats analysts experts sources leaders critics observers residents soldiers lawmakers
    legislators senators insiders people citizens voters journalists reporters economists researchers
    scientists activists officers representatives delegates aides advisers advisors negotiators
    members allies partners colleagues counterparts commanders generals
    """.split()
)
#: Head nouns of documents, whose modifier names the speaker ("a Kremlin statement").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    "statement readout report communique communiqué transcript decree letter post interview release "
    "briefing address speech message tweet".split()
)
#: Heads of a country's collective voice ("the Russian side" -> Russia).
STATE_VOICE_NOUNS: frozenset[str] = frozenset(
    "government side authorities leadership officials administration diplomats delegation".split()
)

#: Capitalised words that are titles, not names ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov").
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president president-elect vice prime minister foreign defence defense interior finance economy
    justice chancellor secretary general gen gen. state special envoy ambassador spokesman spokeswoman
    spokesperson premier king queen pope prince commander chief admiral colonel col col. lt lt.
    lieutenant sergeant deputy former retired mr mr. mrs mrs. ms ms. dr dr. sen sen. senator rep rep.
    representative governor mayor speaker leader head director minister-president top senior
    high representative commissioner ex secretary-general minister-president
    """.split()
)

#: Nationality adjective (lower case) -> country name as actors.toml would spell it.
DEMONYMS: dict[str, str] = {
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "russian": "Russia",
    "russians": "Russia",
    "american": "United States",
    "americans": "United States",
    "us": "United States",
    "u.s.": "United States",
    "german": "Germany",
    "germans": "Germany",
    "french": "France",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "hungarian": "Hungary",
    "hungarians": "Hungary",
    "polish": "Poland",
    "chinese": "China",
    "turkish": "Turkey",
    "italian": "Italy",
    "italians": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "swedish": "Sweden",
    "finnish": "Finland",
    "norwegian": "Norway",
    "danish": "Denmark",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "czech": "Czech Republic",
    "slovak": "Slovakia",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "greek": "Greece",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "canadian": "Canada",
    "japanese": "Japan",
    "indian": "India",
    "israeli": "Israel",
    "iranian": "Iran",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "moldovan": "Moldova",
    "european": "European Union",
    "qatari": "Qatar",
    "omani": "Oman",
    "egyptian": "Egypt",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "palestinian": "Palestine",
    "lebanese": "Lebanon",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "jordanian": "Jordan",
    "pakistani": "Pakistan",
    "korean": "South Korea",
    "australian": "Australia",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "venezuelan": "Venezuela",
    "irish": "Ireland",
    "portuguese": "Portugal",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "slovenian": "Slovenia",
    "azerbaijani": "Azerbaijan",
    "armenian": "Armenia",
    "kazakh": "Kazakhstan",
    "eu": "European Union",
    "nato": "NATO",
}


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


def _build_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in sorted(REPORTING_LEMMAS | STANCE_LEMMAS):
        for form in (lemma, *(_IRREGULAR.get(lemma) or _regular_forms(lemma))):
            forms.setdefault(form, lemma)
    return forms


#: Every inflected form (lower case) -> lemma.
VERB_FORMS: dict[str, str] = _build_forms()

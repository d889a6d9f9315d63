"""The screen's own words in English and Danish; the meeting's text is never translated.

English strings are the keys: a missing translation shows English rather than failing,
and a test checks that every string the UI uses has a Danish entry.
"""

from __future__ import annotations

_language = "en"

DANISH: dict[str, str] = {
    # bindings
    "Next item": "Næste punkt",
    "Next": "Næste",
    "Previous": "Forrige",
    "Go to": "Gå til",
    "Absent": "Afbud",
    "Late": "Kom senere",
    "Left": "Gik",
    "All present": "Alle til stede",
    "Guest": "Gæst",
    "Add": "Tilføj",
    "Previous item": "Forrige punkt",
    "Go to item": "Gå til punkt",
    "Attendance": "Fremmøde",
    "Case text": "Sagsfremstilling",
    "Outcomes": "Beslutninger",
    "All approved": "Alt godkendt",
    "Phrases": "Tekster",
    "Insert phrase": "Indsæt standardtekst",
    "Scroll case text down": "Rul sagsfremstillingen ned",
    "Scroll case text up": "Rul sagsfremstillingen op",
    "palette": "kommandoer",
    # Textual's own tooltips, shown in F1 help
    "Quit the app and return to the command prompt.": "Afslut referent og vend tilbage til kommandolinjen.",
    "Open the command palette": "Åbn kommandopaletten",
    "Space or Enter: mark / unmark   Esc: back": "Mellemrum eller Enter: markér / fjern   Esc: tilbage",
    "Item": "Punkt",
    "Action item": "Opfølgning",
    "Actions list": "Opfølgningsliste",
    "Help": "Hjælp",
    "Quit": "Afslut",
    "Save now": "Gem nu",
    "Close meeting": "Afslut mødet",
    "Next meeting": "Næste møde",
    "When and where, as the minutes should say it": "Hvornår og hvor, som referatet skal skrive det",
    "Start meeting": "Start mødet",
    "Back": "Tilbage",
    "Present": "Til stede",
    "Absent (afbud)": "Afbud",
    "Remote": "Online",
    "Substitute": "Stedfortræder",
    "Arrived at item": "Kom ved punkt",
    "Left after item": "Gik efter punkt",
    "Everyone present": "Alle til stede",
    "Add guest": "Tilføj gæst",
    "Add participant": "Tilføj deltager",
    "Clear": "Nulstil",
    "Conflict of interest": "Inhabilitet",
    "Add item": "Tilføj punkt",
    "Move item up": "Flyt punkt op",
    "Move item down": "Flyt punkt ned",
    "Postpone item": "Udsæt punkt",
    "Withdraw item": "Træk punkt",
    "Reopen item": "Genoptag punkt",
    "Cancel": "Annuller",
    "Item {number}: the chair's comment: {detail}": "Punkt {number}: mødelederens kommentar: {detail}",
    "This wording is the current one already: nothing to restore.": (
        "Denne formulering er allerede den gældende: der er intet at gendanne."
    ),
    # labels
    "Recommendation": "Indstilling",
    "Minutes": "Referat",
    "Attachments": "Bilag",
    "Closed item": "Lukket punkt",
    "No recommendation.": "Ingen indstilling.",
    "No case text.": "Ingen sagsfremstilling.",
    "Meeting": "Møde",
    "not started": "ikke startet",
    "closed": "afsluttet",
    "over by": "over med",
    "present": "til stede",
    "absent": "afbud",
    "not marked": "ikke markeret",
    "saved": "gemt",
    "no changes yet": "ingen ændringer endnu",
    "READ-ONLY": "KUN LÆSNING",
    "Guests": "Gæster",
    "Name": "Navn",
    "Role": "Rolle",
    "What": "Hvad",
    "Who": "Hvem",
    "By when": "Hvornår",
    "Title of the new item": "Titel på det nye punkt",
    "Item number": "Punktnummer",
    "Who attends instead?": "Hvem deltager i stedet?",
    "Name of the guest": "Gæstens navn",
    "Name of the participant": "Deltagerens navn",
    "No action items yet.": "Ingen opfølgningspunkter endnu.",
    "Keys on this screen": "Taster på denne skærm",
    "Keys on this screen (↑ ↓ PgDn to read on, Esc to close)": (
        "Taster på denne skærm (↑ ↓ PgDn: læs videre, Esc: luk)"
    ),
    "Standard phrases": "Standardtekster",
    "Press a number to insert, Escape to cancel.": "Tryk et tal for at indsætte, Escape for at annullere.",
    "Outcome per point": "Beslutning pr. punkt",
    "approved": "godkendt",
    "noted": "taget til efterretning",
    "discussed": "drøftet",
    "postponed": "udsat",
    "rejected": "ikke godkendt",
    "withdrawn": "trukket",
    "taken": "behandlet",
    "pending": "ikke behandlet",
    "none": "ingen",
    "Who does not take part in this item?": "Hvem deltager ikke i behandlingen af punktet?",
    "Item menu": "Punktmenu",
    "Recent meetings": "Seneste møder",
    "Open a meeting file": "Åbn en mødefil",
    "Path to a meeting file (.toml)": "Sti til en mødefil (.toml)",
    "No meetings yet: type the path of a meeting file below.": (
        "Ingen møder endnu: skriv stien til en mødefil nedenfor."
    ),
    # messages
    "This meeting is open elsewhere ({holder}): opened read-only.": (
        "Mødet er åbent et andet sted ({holder}): åbnet skrivebeskyttet."
    ),
    "The meeting file has changed since it was imported.": "Mødefilen er ændret, siden den blev indlæst.",
    "Keep the draft": "Behold kladden",
    "Re-import the file": "Indlæs filen igen",
    "Meeting closed at {time}.": "Mødet afsluttet kl. {time}.",
    "Meeting started at {time}.": "Mødet startet kl. {time}.",
    "Saved.": "Gemt.",
    "There is no item {number}.": "Der er intet punkt {number}.",
    "This item has no recommendation points.": "Punktet har ingen indstillingspunkter.",
    "All points approved.": "Alle punkter godkendt.",
    "The meeting file has changed, but these minutes are approved: not re-imported.": (
        "Mødefilen er ændret, men referatet er godkendt: det indlæses ikke igen."
    ),
    "Export": "Eksportér",
    "Export the minutes (Word)": "Eksportér referatet (Word)",
    "Exporting the minutes…": "Eksporterer referatet …",
    "Minutes exported to {path}": "Referatet er gemt i {path}",
    # review
    "Review": "Gennemsyn",
    "Changes": "Ændringer",
    "Comment": "Kommentar",
    "Protocol remark": "Protokolbemærkning",
    "History": "Historik",
    "Approve": "Godkend",
    "Reopen": "Genåbn",
    "Problems": "Mangler",
    "agenda": "dagsorden",
    "copy of": "kopi af",
    "Item {number} is no longer in the agenda file: kept for what was recorded": (
        "Punkt {number} er ikke længere i dagsordensfilen: bevaret for det, der er registreret"
    ),
    "No meetings yet: type the path of a Word agenda or meeting file below.": (
        "Ingen møder endnu: skriv stien til en dagsorden i Word eller en mødefil herunder."
    ),
    "Open a Word agenda or meeting file": "Åbn en dagsorden i Word eller en mødefil",
    "Path to a Word agenda (.docx) or meeting file (.toml)": (
        "Sti til en dagsorden (.docx) eller mødefil (.toml)"
    ),
    "copy": "kopi",
    "Saved again: everything on screen is in the database.": "Gemt igen: alt på skærmen er i databasen.",
    "{reason}. Your text stays on screen and is saved as soon as it can be; F11 saves a copy of the "
    "minutes elsewhere, F12 exports them.": (
        "{reason}. Din tekst bliver på skærmen og gemmes, så snart det kan lade sig gøre; F11 gemmer en "
        "kopi af referatet et andet sted, F12 eksporterer det."
    ),
    "NOT SAVED": "IKKE GEMT",
    "Nothing could be saved: {reason}": "Intet kunne gemmes: {reason}",
    "{key} is not a key here: F1 shows the keys.": "{key} er ikke en tast her: F1 viser tasterne.",
    "the disk is full": "disken er fuld",
    "the database file cannot be written any more (it became read-only)": (
        "databasefilen kan ikke længere skrives (den er blevet skrivebeskyttet)"
    ),
    "the disk could not be written (an input/output error)": "disken kunne ikke skrives (en I/O-fejl)",
    "the database file cannot be opened any more (was it moved or deleted?)": (
        "databasefilen kan ikke længere åbnes (er den flyttet eller slettet?)"
    ),
    "another program is writing to the database": "et andet program skriver i databasen",
    "Save a copy": "Gem en kopi",
    "Save a copy elsewhere": "Gem en kopi et andet sted",
    "Save a copy of the minutes elsewhere": "Gem en kopi af referatet et andet sted",
    "File (a meeting file: 'referent open' opens it again)": (
        "Fil (en mødefil: 'referent open' åbner den igen)"
    ),
    "Say where to save the copy.": "Skriv, hvor kopien skal gemmes.",
    "A copy of the minutes is in {path}": "En kopi af referatet er gemt i {path}",
    "The database can only be read here (its file or folder is read-only): nothing can be saved.": (
        "Databasen kan kun læses her (filen eller mappen er skrivebeskyttet): intet kan gemmes."
    ),
    # an agenda file brought into its draft (agendamerge)
    "The agenda file has changed, but these minutes are approved: the changes were not brought in.": (
        "Dagsordensfilen er ændret, men referatet er godkendt: ændringerne er ikke ført ind."
    ),
    "The draft now follows the agenda file; everything recorded is kept.": (
        "Udkastet følger nu dagsordensfilen; alt det registrerede er bevaret."
    ),
    "Bring the changes into the draft": "Før ændringerne ind i udkastet",
    "Keep the draft as it is": "Behold udkastet, som det er",
    "The agenda file has changed since its draft was made:": (
        "Dagsordensfilen er ændret, siden udkastet blev lavet:"
    ),
    "Everything recorded (minutes, outcomes, attendance) is kept either way.": (
        "Alt det registrerede (referat, beslutninger, fremmøde) bevares under alle omstændigheder."
    ),
    "The meeting's {subject}: now {detail}": "Mødets {subject}: nu {detail}",
    "Item {subject}: new in the file": "Punkt {subject}: nyt i filen",
    "Item {subject}: no longer in the file; removed (nothing was recorded)": (
        "Punkt {subject}: ikke længere i filen; fjernet (intet var registreret)"
    ),
    "Item {subject}: no longer in the file; kept, as something was recorded under it": (
        "Punkt {subject}: ikke længere i filen; bevaret, da der er registreret noget under det"
    ),
    "Item {subject}: {detail} changed": "Punkt {subject}: {detail} ændret",
    "Item {subject}: moved ({detail})": "Punkt {subject}: flyttet ({detail})",
    "Item {subject}: the point “{detail}” left the file; kept with its outcome": (
        "Punkt {subject}: indstillingspunktet “{detail}” er ikke længere i filen; bevaret med sin beslutning"
    ),
    "{subject}: new in the file": "{subject}: ny i filen",
    "{subject}: no longer in the file; removed": "{subject}: ikke længere i filen; fjernet",
    "{subject}: no longer in the file; kept, as their attendance was taken": (
        "{subject}: ikke længere i filen; bevaret, da fremmødet er registreret"
    ),
    "{subject}: {detail} changed": "{subject}: {detail} ændret",
    "planned time": "planlagt tid",
    "case text": "sagsfremstilling",
    "closed item": "lukket punkt",
    "title": "titel",
    "presenter": "oplægsholder",
    "attachments": "bilag",
    "role": "rolle",
    "marker": "markering",
    "group": "gruppe",
    "body": "organ",
    "date": "dato",
    "place": "sted",
    "chair": "mødeleder",
    "secretary": "referent",
    "house style": "husstil",
    "recommendation": "indstilling",
    "draft": "udkast",
    "in review": "til gennemsyn",
    "reopened": "genåbnet",
    "corrected": "rettet",
    "Attendance has not been taken": "Fremmødet er ikke registreret",
    "{detail}: attendance not marked": "{detail}: fremmøde ikke markeret",
    "Item {number} was not taken": "Punkt {number} er ikke behandlet",
    "Item {number} has no minutes": "Punkt {number} har intet referat",
    "Item {number}, point {detail}: no outcome": "Punkt {number}, indstilling {detail}: ingen beslutning",
    "Item {number}: action item without owner or date: {detail}": (
        "Punkt {number}: opfølgning uden ansvarlig eller frist: {detail}"
    ),
    "The meeting's end was not recorded": "Mødets afslutning er ikke registreret",
    "Item {number} is closed: left out of the public version": (
        "Punkt {number} er lukket: udelades af den offentlige udgave"
    ),
    "No changes since the review began.": "Ingen ændringer siden gennemsynet begyndte.",
    "Comment for the secretary": "Kommentar til referenten",
    "The minutes are approved: reopen them first (o).": "Referatet er godkendt: genåbn det først (o).",
    "Remark, word for word": "Bemærkning, ordret",
    "Approved by {name}.": "Godkendt af {name}.",
    "Approve the minutes": "Godkend referatet",
    "Approved by": "Godkendt af",
    "Approve anyway": "Godkend alligevel",
    "{count} problems are still listed.": "Der er stadig {count} mangler.",
    "Reopened for correction.": "Genåbnet til rettelse.",
    "Reopen for correction": "Genåbn til rettelse",
    "Reason": "Begrundelse",
    "Ctrl+R: back to the review.": "Ctrl+R: tilbage til gennemsynet.",
    "Compare with this": "Sammenlign med denne",
    "Restore": "Gendan",
    "Read-only: this meeting is open elsewhere.": "Skrivebeskyttet: mødet er åbent et andet sted.",
    "b: compare with this   r: restore   Esc: back": "b: sammenlign med denne   r: gendan   Esc: tilbage",
    "words": "ord",
    "word": "ord",
    "Go to problem": "Gå til mangel",
    "Record the meeting's end now ({time})?": "Registrér mødets afslutning nu ({time})?",
    "Yes": "Ja",
    "No": "Nej",
    "base": "basis",
    "Restored; the restore is itself a new revision.": "Gendannet; gendannelsen er selv en ny version.",
    # chapter 8 of the issue: the chair's half, recording, 80×24
    "Delete": "Slet",
    "Delete the action item '{what}'?": "Slet opfølgningspunktet '{what}'?",
    "Edit": "Ret",
    "Enter or e: edit   d or Del: delete   Esc: back": (
        "Enter eller e: ret   d eller Del: slet   Esc: tilbage"
    ),
    "Name of the substitute (empty: none)": "Stedfortræderens navn (tomt: ingen)",
    "Note": "Note",
    "from item {number}": "fra pkt. {number}",
    "until item {number}": "t.o.m. pkt. {number}",
    "Who attends instead of {name}?": "Hvem deltager i stedet for {name}?",
    "{name} arrived at item": "{name} kom ved punkt",
    "{name} left after item": "{name} gik efter punkt",
    "Read-only: this meeting is open elsewhere ({holder}). Make the change there, or close it there and open it here again.": (  # noqa: E501
        "Skrivebeskyttet: mødet er åbent et andet sted ({holder}). Ret det dér, eller luk det dér og åbn det her igen."  # noqa: E501
    ),
    "The minutes are approved and cannot be changed. To correct them, reopen them in the review: Ctrl+R, then o.": (  # noqa: E501
        "Referatet er godkendt og kan ikke ændres. Vil du rette det, så genåbn det i gennemsynet: Ctrl+R og så o."  # noqa: E501
    ),
    "another referent": "en anden referent",
    "process {pid} on {host}": "proces {pid} på {host}",
    "Attendance is not taken yet: everyone not marked absent is listed.": (
        "Fremmødet er ikke registreret endnu: alle, der ikke har meldt afbud, er på listen."
    ),
    "'{value}' is not a time of day: write it as 14.30.": (
        "'{value}' er ikke et klokkeslæt: skriv det som 14.30."
    ),
    "By when (a date, or e.g. next meeting)": "Frist (en dato, eller f.eks. næste møde)",
    "e.g. 1 April 2024": "f.eks. 1. april 2024",
    "Type the name.": "Skriv navnet.",
    "Type the number of an item, 1 to {count}.": "Skriv et punktnummer fra 1 til {count}.",
    "Type the remark, word for word.": "Skriv bemærkningen ordret.",
    "Type what is to be done.": "Skriv, hvad der skal gøres.",
    "Who (responsible)": "Hvem (ansvarlig)",
    "Whose remark is it? Type the name.": "Hvis bemærkning er det? Skriv navnet.",
    "Item menu (F8), then": "Punktmenuen (F8), derefter",
    "Not taking part (conflict of interest)": "Deltog ikke (inhabil)",
    "The chair": "Mødelederen",
    "no owner or date yet": "endnu uden ansvarlig og frist",
    "taken up": "behandlet",
    "taken up at {time}": "behandlet fra kl. {time}",
    "Case text: normal / hidden / tall": "Sagsfremstilling: normal / skjult / stor",
    "Start of the text": "Til tekstens start",
    "End of the text": "Til tekstens slutning",
    "The chair's comments are dealt with": "Mødelederens kommentarer er klaret",
    "The meeting started at {time}.": "Mødet startede kl. {time}.",
    "The new item needs a title.": "Det nye punkt skal have en titel.",
    "1 problem is still listed.": "Der er stadig 1 mangel.",
    "A name is needed: who approves the minutes?": "Der skal stå et navn: hvem godkender referatet?",
    "A reason is needed: it is printed with each correction.": (
        "Der skal stå en begrundelse: den skrives ved hver rettelse."
    ),
    "Comment done": "Kommentar klaret",
    "Ended at (offered: the planned end of the last item taken up)": (
        "Sluttede kl. (forslag: planlagt slut på det sidst behandlede punkt)"
    ),
    "Highlight one of the chair's comments first, then press x.": (
        "Vælg først en af mødelederens kommentarer, og tryk så x."
    ),
    "The chair's comment is dealt with": "Mødelederens kommentar er klaret",
    "The comment is marked as dealt with.": "Kommentaren er markeret som klaret.",
    "The minutes are approved already, by {name}.": "Referatet er allerede godkendt, af {name}.",
    "The minutes are not approved: there is nothing to reopen.": (
        "Referatet er ikke godkendt: der er intet at genåbne."
    ),
    "Type the comment.": "Skriv kommentaren.",
    "When did the meeting end?": "Hvornår sluttede mødet?",
    "APPROVED": "GODKENDT",
    # Textual's own words, in F1 and the command palette
    "Search for commands…": "Søg efter kommandoer …",
    "Copy selected text": "Kopiér markeret tekst",
    "Theme": "Farvetema",
    "Change the current theme": "Skift farvetema",
    "Quit the application as soon as possible": "Afslut referent (intet går tabt)",
    "Maximize": "Maksimér",
    "Maximize the focused widget": "Giv feltet med markøren hele skærmen",
    "Minimize": "Normal størrelse",
    "Minimize the widget and restore to normal size": "Giv feltet sin normale størrelse igen",
    "Screenshot": "Skærmbillede",
    "Save an SVG 'screenshot' of the current screen": "Gem et billede af skærmen (SVG)",
}


def set_language(language: str) -> None:
    """Choose ``da`` or ``en`` for every string shown from now on."""
    global _language
    _language = "da" if language == "da" else "en"


def t(text: str, **values: object) -> str:
    """``text`` in the current language, with ``{name}`` fields filled from ``values``."""
    translated = DANISH.get(text, text) if _language == "da" else text
    return translated.format(**values) if values else translated


def tn(one: str, many: str, count: int, **values: object) -> str:
    """``one`` or ``many`` by ``count`` (both languages have one plural form), ``{count}`` filled in."""
    return t(one if count == 1 else many, count=count, **values)


def yes_key() -> str:
    """The key that answers yes: j in Danish (ja), y in English."""
    return "j" if _language == "da" else "y"


def no_key() -> str:
    return "n"

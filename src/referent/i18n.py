"""The words referent says, in English and Danish, on the screen and on the command line.

English strings are the keys: a missing translation shows English rather than failing,
and tests check that every string the UI and the command line use has a Danish entry.
The meeting's own text is never translated. Core-level (no Textual): the command line, the
UI (``referent.ui.i18n``) and the core's messages share this one catalogue and its language.
"""

from __future__ import annotations

import locale
import os
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from referent.danish import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from referent.model import Meeting

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
    "▼ 1 more line": "▼ 1 linje mere",
    "▼ {count} more lines": "▼ {count} linjer mere",
    "F4: every point": "F4: alle punkter",
    "What you typed before is back: Enter answers, Esc keeps it again.": (
        "Det, du skrev sidst, er tilbage: Enter svarer, Esc gemmer det igen."
    ),
    "Kept what you typed: it is back when you open this again.": (
        "Det, du skrev, er gemt: det er tilbage, når du åbner dette igen."
    ),
    "Quit? What you typed in these dialogs is not saved:": (
        "Afslut? Det, du skrev i disse dialoger, er ikke gemt:"
    ),
    "Quit anyway": "Afslut alligevel",
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
    "This meeting's lock cannot be taken: opened read-only. {problem}": (
        "Mødets lås kan ikke tages: åbnet skrivebeskyttet. {problem}"
    ),
    "This database was copied while referent had it open (not with 'referent backup'): what was saved "
    "last before the copy may be missing from it.": (
        "Databasen blev kopieret, mens referent havde den åben (ikke med 'referent backup'): det, der blev "
        "gemt sidst før kopieringen, mangler måske i den."
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
    "Not saved: {reason}. That change was not made; your minutes stay on screen.": (
        "Ikke gemt: {reason}. Ændringen blev ikke foretaget; dit referat bliver på skærmen."
    ),
    "the database could not be written": "databasen kunne ikke skrives",
    "emergency copy": "nødkopi",
    "The minutes are not saved in the database ({reason}). A copy of them is in {path} "
    "('referent open' opens it).": (
        "Referatet er ikke gemt i databasen ({reason}). En kopi af det ligger i {path} "
        "('referent open' åbner den)."
    ),
    "The minutes are not saved in the database ({reason}), and no copy could be written "
    "in the home folder or the temporary folder: F11 saves one where you choose.": (
        "Referatet er ikke gemt i databasen ({reason}), og der kunne ikke skrives en kopi i "
        "hjemmemappen eller den midlertidige mappe: F11 gemmer en, hvor du vælger."
    ),
    "Quit? Not everything is saved:": "Afslut? Ikke alt er gemt:",
    "A paste did not end (the terminal never said where it ends): it was ended after "
    "{count} characters, and what you type now is typed again.": (
        "En indsættelse sluttede ikke (terminalen sagde aldrig, hvor den slutter): den blev afsluttet "
        "efter {count} tegn, og det, du skriver nu, skrives igen."
    ),
    "Typed in a dialog: {what}": "Skrevet i en dialog: {what}",
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
    "order of the parts": "delenes rækkefølge",
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
    "Read-only: this meeting is open elsewhere ({holder}). Make the change there, or"
    " close it there and open it here again.": (
        "Skrivebeskyttet: mødet er åbent et andet sted ({holder}). Ret det dér, eller"
        " luk det dér og åbn det her igen."
    ),
    "The minutes are approved and cannot be changed. To correct them, reopen them in"
    " the review: Ctrl+R, then o.": (
        "Referatet er godkendt og kan ikke ændres. Vil du rette det, så genåbn det i"
        " gennemsynet: Ctrl+R og så o."
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
    "Focus Next": "Næste felt",
    "Focus Previous": "Forrige felt",
    "No matches found": "Ingen match",
    "Search for themes…": "Søg efter farvetemaer …",
    "Press {key} to quit referent.": "Tryk {key} for at afslutte referent.",
    "Do you want to quit?": "Vil du afslutte?",
    "Saved the screenshot to {path}": "Skærmbilledet er gemt i {path}",
    "The screenshot could not be saved.": "Skærmbilledet kunne ikke gemmes.",
    # the command line: its help and metavars
    "Take the minutes of a council meeting live, review them with the chair, export them as Word.": (
        "Skriv referatet af et møde live, gennemse det med mødelederen, og eksportér det til Word."
    ),
    "the database file (default: $REFERENT_DB, else referent.db in the user data folder)": (
        "databasefilen (standard: $REFERENT_DB, ellers referent.db i brugerens datamappe)"
    ),
    "show program's version number and exit": "vis programmets version og afslut",
    "a meeting file (.toml) or the council's Word agenda (.docx)": (
        "en mødefil (.toml) eller en dagsorden i Word (.docx)"
    ),
    "Check meeting files, Word agendas and house style files: OK (for a Word agenda, what was read) "
    "or FILE:LINE: problem for each (exit 2 if any is wrong).": (
        "Kontrollér mødefiler, dagsordener i Word og husstilsfiler: OK (for en dagsorden i Word: hvad der "
        "blev læst) eller FIL:LINJE: problem for hver (afslutningskode 2, hvis noget er galt)."
    ),
    "{source}, or a style file": "{source} eller en stilfil",
    "Store a meeting file or Word agenda in the database as a draft and print its id; a file imported "
    "before keeps its one draft.": (
        "Gem en mødefil eller en dagsorden i Word i databasen som udkast, og skriv dens id; en fil, der er "
        "indlæst før, beholder sit ene udkast."
    ),
    "make a second, independent copy of the meeting": "lav en ny, uafhængig kopi af mødet",
    "bring the file's changes into its draft (what changes is listed)": (
        "før filens ændringer ind i dens udkast (ændringerne vises)"
    ),
    "List the meetings in the database by body, newest first: id, date, status, last saved, file, "
    "title.": "Vis møderne i databasen efter udvalg, nyeste først: id, dato, status, sidst gemt, fil, titel.",
    "Write a meeting from the database back out as a meeting file.": (
        "Skriv et møde fra databasen ud som mødefil."
    ),
    "the meeting's id (see 'referent list')": "mødets id (se 'referent list')",
    "write to FILE instead of standard output": "skriv til FIL i stedet for standardoutput",
    "Write the minutes (or the agenda) as a Word document.": (
        "Skriv referatet (eller dagsordenen) som et Word-dokument."
    ),
    "a meeting id, or {source}: its draft, if it has one": (
        "et møde-id eller {source}: dens udkast, hvis den har et"
    ),
    "where to write (default: date, kind, body)": "hvor der skal skrives (standard: dato, art, organ)",
    "the agenda instead of the minutes": "dagsordenen i stedet for referatet",
    "the public version: no closed content": "den offentlige udgave: intet lukket indhold",
    "house style: default, nord or a file (default: the meeting's own)": (
        "husstil: default, nord eller en fil (standard: mødets egen)"
    ),
    "default: from --out, else docx": "standard: ud fra --out, ellers docx",
    "a copy for the reading round: marked 'Til gennemlæsning' in the header and the file name": (
        "en kopi til gennemlæsning: mærket 'Til gennemlæsning' i hovedet og i filnavnet"
    ),
    "Open a meeting to take its minutes: a meeting file or Word agenda (imported the first time, its "
    "draft after that) or a meeting id.": (
        "Åbn et møde for at skrive referatet: en mødefil eller en dagsorden i Word (indlæst første gang, "
        "derefter dens udkast) eller et møde-id."
    ),
    "a meeting file, a Word agenda or a meeting id; without it, pick from recent meetings": (
        "en mødefil, en dagsorden i Word eller et møde-id; uden: vælg blandt de seneste møder"
    ),
    "Open the chair's review of a meeting: the draft, its problems, approval.": (
        "Åbn mødelederens gennemsyn af et møde: udkastet, dets mangler, godkendelsen."
    ),
    "a meeting file, a Word agenda or a meeting id": "en mødefil, en dagsorden i Word eller et møde-id",
    "Try referent on a sample agenda in a temporary database (your own database is not touched).": (
        "Prøv referent på en eksempeldagsorden i en midlertidig database (din egen database røres ikke)."
    ),
    "part of a sample's name (default: politisk-niveau)": (
        "en del af et eksempels navn (standard: politisk-niveau)"
    ),
    "Print where the settings file (language, phrases, keys) is.": (
        "Skriv, hvor indstillingsfilen (sprog, standardtekster, taster) ligger."
    ),
    "write a commented example settings file there": "skriv en kommenteret eksempelfil med indstillinger dér",
    "Copy the database safely, even while referent is writing to it (a plain copy may miss the newest "
    "minutes): into its backups folder, or to --out FILE; the copy's path is printed.": (
        "Kopiér databasen sikkert, også mens referent skriver i den (en almindelig kopi kan mangle de nyeste "
        "referater): til dens mappe med sikkerhedskopier eller til --out FIL; kopiens sti skrives."
    ),
    "where to write the copy": "hvor kopien skal skrives",
    "an in-memory database has nothing to back up": (
        "en database i hukommelsen har intet at sikkerhedskopiere"
    ),
    "{path}: the backup could not be written: {reason}": (
        "{path}: sikkerhedskopien kunne ikke skrives: {reason}"
    ),
    "{path}: the backup could not be written beside the database": (
        "{path}: sikkerhedskopien kunne ikke skrives ved siden af databasen"
    ),
    "COMMAND": "KOMMANDO",
    "FILE": "FIL",
    "FILE|ID": "FIL|ID",
    "NAME|FILE": "NAVN|FIL",
    "PATH": "STI",
    "SAMPLE": "EKSEMPEL",
    "SOURCE": "KILDE",
    # argparse's own words (see cli.language.translate_argparse)
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig %(type)s-værdi: %(value)r",
    "expected one argument": "forventede ét argument",
    "expected at most one argument": "forventede højst ét argument",
    "expected at least one argument": "forventede mindst ét argument",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan være %(matches)s"
    ),
    "ignored explicit argument %r": "ignorerede argumentet %r",
    # the command line: what it says
    "'{value}' is not a meeting id (see 'referent list')": (
        "'{value}' er ikke et møde-id (se 'referent list')"
    ),
    "{error}; see 'referent list'": "{error}; se 'referent list'",
    "{path}: cannot open the database: {error}": "{path}: databasen kan ikke åbnes: {error}",
    "{name}: OK, read as a Word agenda:": "{name}: OK, læst som dagsorden i Word:",
    "{name}: read as a Word agenda, with 1 warning (below):": (
        "{name}: læst som dagsorden i Word, med 1 advarsel (nedenfor):"
    ),
    "{name}: read as a Word agenda, with {count} warnings (below):": (
        "{name}: læst som dagsorden i Word, med {count} advarsler (nedenfor):"
    ),
    "which meeting to read, when a Word file holds several (1 = the first; check lists them)": (
        "hvilket møde der skal læses, når en Word-fil rummer flere (1 = det første; check viser dem)"
    ),
    "N": "N",
    " ({where})": " ({where})",
    "'{value}' is not a meeting's number in the file (1, 2, …)": (
        "'{value}' er ikke et mødes nummer i filen (1, 2, …)"
    ),
    "--for-review makes a Word or text copy; it cannot be a meeting file": (
        "--for-review laver en kopi i Word eller som tekst; den kan ikke være en mødefil"
    ),
    "these minutes are approved: a copy for the reading round is made of a draft; export them without "
    "--for-review": (
        "referatet er godkendt: en kopi til gennemlæsning laves af et udkast; eksportér det uden --for-review"
    ),
    "{path} has changed since its draft was made or updated; the draft (meeting {id}) is exported. Bring "
    "the changes in with: {command}": (
        "{path} er ændret, siden udkastet blev lavet eller opdateret; udkastet (møde {id}) eksporteres. "
        "Før ændringerne ind med: {command}"
    ),
    "{path}: already exists; edit it, or remove it first": (
        "{path}: findes allerede; ret i den, eller fjern den først"
    ),
    "no sample agenda matches '{sample}'; choose from: {names}": (
        "ingen eksempeldagsorden passer på '{sample}'; vælg mellem: {names}"
    ),
    "The demo's database was thrown away; 'referent open FILE' keeps your minutes.": (
        "Demoens database er smidt væk; 'referent open FIL' gemmer dine referater."
    ),
    "{path}: imported as meeting {id}": "{path}: indlæst som møde {id}",
    "{path}: imported as meeting {id} (a copy of meeting {original})": (
        "{path}: indlæst som møde {id} (en kopi af møde {original})"
    ),
    "{path}: already imported as meeting {id}, its draft; nothing changed.": (
        "{path}: allerede indlæst som møde {id}, dens udkast; intet er ændret."
    ),
    "Open it with: {command}   (an independent copy: {copy})": (
        "Åbn det med: {command}   (en uafhængig kopi: {copy})"
    ),
    "{path}: already imported as meeting {id}, its draft. The file has changed since:": (
        "{path}: allerede indlæst som møde {id}, dens udkast. Filen er ændret siden:"
    ),
    "Nothing was changed. Bring these into the draft with: {command}": (
        "Intet er ændret. Før ændringerne ind i udkastet med: {command}"
    ),
    "{path}: the draft, meeting {id}, now follows the file:": "{path}: udkastet, møde {id}, følger nu filen:",
    "No meetings yet. Import one with: referent import FILE": (
        "Ingen møder endnu. Indlæs et med: referent import FIL"
    ),
    "ID": "ID",
    "DATE": "DATO",
    "STATUS": "STATUS",
    "LAST SAVED": "SIDST GEMT",
    "TITLE": "TITEL",
    # what `referent check` read from a Word agenda
    "chair: {name}": "mødeleder: {name}",
    "{participants} in {groups}": "{participants} i {groups}",
    "1 participant": "1 deltager",
    "{count} participants": "{count} deltagere",
    "1 group": "1 gruppe",
    "{count} groups": "{count} grupper",
    "({count} sent apologies)": "({count} med afbud)",
    "1 guest": "1 gæst",
    "{count} guests": "{count} gæster",
    "1 item:": "1 punkt:",
    "{count} items:": "{count} punkter:",
    "(closed)": "(lukket)",
    # what is wrong with a meeting file, a settings file (and a style file's keys)
    "must be text in quotes, not {value}": "skal være tekst i anførselstegn, ikke {value}",
    "must not be empty": "må ikke være tom",
    'must be a list of texts: ["first", "second"]': 'skal være en liste af tekster: ["første", "anden"]',
    "must be true or false, not {value}": "skal være true eller false, ikke {value}",
    "must be a whole number, not {value}": "skal være et helt tal, ikke {value}",
    'must be a time in quotes, like "14.30", not {value}': (
        'skal være et klokkeslæt i anførselstegn, f.eks. "14.30", ikke {value}'
    ),
    "must be a date written as 2023-03-13, not {value}": (
        "skal være en dato skrevet som 2023-03-13, ikke {value}"
    ),
    "must be a date and time written as 2023-03-13T16:40:00, not {value}": (
        "skal være en dato og et klokkeslæt skrevet som 2023-03-13T16:40:00, ikke {value}"
    ),
    "must be one of {choices}, not {value}": "skal være en af {choices}, ikke {value}",
    'must be a list with one of {choices} or "" per point': (
        'skal være en liste med en af {choices} eller "" for hvert punkt'
    ),
    "'{value}' (text)": "'{value}' (tekst)",
    "{value} (a number)": "{value} (et tal)",
    "a list": "en liste",
    "a table": "en tabel",
    "the file is empty; a meeting file needs a [meeting] table": (
        "filen er tom; en mødefil skal have en [meeting]-tabel"
    ),
    "'{key}' must be a table": "'{key}' skal være en tabel",
    "'{key}' is missing from {where}": "'{key}' mangler i {where}",
    "'{key}' must be written as [[{key}]] tables": "'{key}' skal skrives som [[{key}]]-tabeller",
    "a meeting file": "en mødefil",
    "the participants": "deltagerne",
    "unknown key '{}' in {}": "ukendt nøgle '{}' i {}",
    "'{}' is not among {}": "'{}' er ikke blandt {}",
    "unknown section [{}]{}": "ukendt afsnit [{}]{}",
    "'{}' is not one of {}": "'{}' er ikke en af {}",
    "{message}; did you mean '{close}'?": "{message}; mente du '{close}'?",
    "format {version} is not known; this referent reads format {known}": (
        "format {version} kendes ikke; denne referent læser format {known}"
    ),
    "the [meeting] table is missing": "tabellen [meeting] mangler",
    "a participant with a substitute cannot also be present": (
        "en deltager med stedfortræder kan ikke også være til stede"
    ),
    "item number {number} stands as item {position}: items are numbered in the order they are written": (
        "punkt nummer {number} står som punkt {position}: punkterne nummereres i den rækkefølge, de står i"
    ),
    "{outcomes} outcomes for {points} recommendation points": (
        "{outcomes} beslutninger til {points} indstillingspunkter"
    ),
    "'{last}' {later} is before '{first}' {earlier}": "'{last}' {later} er før '{first}' {earlier}",
    "'{name}' is named twice (also {other})": "'{name}' står der to gange (også som {other})",
    "participant {number}": "deltager {number}",
    "guest {number}": "gæst {number}",
    "item number {number} is used twice (also by item {other})": (
        "punkt nummer {number} er brugt to gange (også af punkt {other})"
    ),
    "'{key}' names item {value}, but the meeting has {count} items": (
        "'{key}' nævner punkt {value}, men mødet har {count} punkter"
    ),
    "left after item {left}, before arriving at item {arrived}": (
        "gik efter punkt {left}, før ankomsten ved punkt {arrived}"
    ),
    "{table} number {number}": "{table} nummer {number}",
    "{where} of item {number}": "{where} i punkt {number}",
    "not valid TOML: {message}": "ikke gyldig TOML: {message}",
    "lists or tables nested {depth} levels deep: too deep to read": (
        "lister eller tabeller {depth} niveauer inden i hinanden: for dybt til at læse"
    ),
    '\'language\' must be "da" or "en"': '\'language\' skal være "da" eller "en"',
    "'phrases' must be a list of texts": "'phrases' skal være en liste af tekster",
    '[styles] must map bodies to styles, like "Direktørforum" = "nord"': (
        '[styles] skal knytte organer til husstile, f.eks. "Direktørforum" = "nord"'
    ),
    '[keys] must map binding ids to keys, like next_item = "ctrl+n"': (
        '[keys] skal knytte tastebindingers id til taster, f.eks. next_item = "ctrl+n"'
    ),
    "unknown setting '{key}'": "ukendt indstilling '{key}'",
    # files and the database, as the core reports them
    "meeting file": "mødefil",
    "settings file": "indstillingsfil",
    "style file": "stilfil",
    "meeting file or Word agenda": "mødefil eller dagsorden i Word",
    "no such file": "filen findes ikke",
    "cannot be read: {error}": "kan ikke læses: {error}",
    "is a directory, not a {kind}": "er en mappe, ikke en {kind}",
    "is not an ordinary file (a device, a pipe or a socket), not a {kind}": (
        "er ikke en almindelig fil (en enhed, en pipe eller en socket), ikke en {kind}"
    ),
    "is {size} MB; {allowed}": "fylder {size} MB; {allowed}",
    "a {kind} may be at most {limit} MB": "en {kind} må højst fylde {limit} MB",
    "the file is UTF-16; save it as UTF-8": "filen er UTF-16; gem den som UTF-8",
    "this is a binary file, not a {kind}": "dette er en binær fil, ikke en {kind}",
    "is not UTF-8 text; save the file as UTF-8 and try again": (
        "er ikke UTF-8-tekst; gem filen som UTF-8, og prøv igen"
    ),
    "open it in Word and save it as .docx (File → Save As → Word Document) first": (
        "åbn den i Word, og gem den først som .docx (Filer → Gem som → Word-dokument)"
    ),
    "is not a Word document (.docx) inside: damaged, or another kind of file renamed;"
    " save it again in Word": (
        "er ikke et Word-dokument (.docx) indeni: beskadiget, eller en anden slags fil med nyt navn; gem den "
        "igen i Word"
    ),
    "this is a PDF, not a Word document; {what}": "dette er en PDF, ikke et Word-dokument; {what}",
    "this is an RTF document, not a .docx; {what}": "dette er et RTF-dokument, ikke en .docx; {what}",
    "this is a web page (HTML), not a Word document or a meeting file; {what}": (
        "dette er en webside (HTML), ikke et Word-dokument eller en mødefil; {what}"
    ),
    "the file is empty (0 bytes), not a Word document; save the agenda again in Word": (
        "filen er tom (0 byte), ikke et Word-dokument; gem dagsordenen igen i Word"
    ),
    "a Word agenda may be at most {limit} MB": "en dagsorden i Word må højst fylde {limit} MB",
    "a meeting file may be at most {limit} MB": "en mødefil må højst fylde {limit} MB",
    "a meeting file may be at most {toml} MB, a Word agenda {docx} MB": (
        "en mødefil må højst fylde {toml} MB, en dagsorden i Word {docx} MB"
    ),
    "this Word document is protected by a password, so it cannot be read; in Word remove the password "
    "(File → Info → Protect Document → Encrypt with Password) and save it again": (
        "dette Word-dokument er beskyttet med en adgangskode og kan derfor ikke læses; fjern adgangskoden i "
        "Word (Filer → Oplysninger → Beskyt dokument → Krypter med adgangskode), og gem det igen"
    ),
    "this is an old Word document (.doc); {what}": "dette er et gammelt Word-dokument (.doc); {what}",
    "this is an old Office file, not a Word .docx; {what}": (
        "dette er en gammel Office-fil, ikke en Word .docx; {what}"
    ),
    "no meeting with id {id} in the database": "intet møde med id {id} i databasen",
    "{path}: is not a folder (a symbolic link?); referent keeps its locks there": (
        "{path}: er ikke en mappe (et symbolsk link?); referent har sine låse dér"
    ),
    "{path}: belongs to another user (uid {uid}), so referent does not use it; if no referent of that user "
    "is running, remove it": (
        "{path}: tilhører en anden bruger (uid {uid}), så referent bruger den ikke; fjern den, hvis ingen "
        "referent kører for den bruger"
    ),
    "{path}: cannot make referent's lock folder: {error}": (
        "{path}: referents låsemappe kan ikke oprettes: {error}"
    ),
    "{path}: is a symbolic link where referent keeps a lock file; referent does not follow it: remove it": (
        "{path}: er et symbolsk link, hvor referent har en låsefil; referent følger det ikke: fjern det"
    ),
    "{path}: the lock file cannot be opened: {error}": "{path}: låsefilen kan ikke åbnes: {error}",
    "{path}: is not an ordinary file where referent keeps a lock file: remove it": (
        "{path}: er ikke en almindelig fil, hvor referent har en låsefil: fjern den"
    ),
    "{path}: is open in another referent by a name that no longer names it ({name}); close that referent "
    "first": (
        "{path}: er åben i en anden referent under et navn, der ikke længere fører til den ({name}); luk den "
        "referent først"
    ),
    "unknown": "ukendt",
    "{path}: another referent has been opening or closing this database for {seconds} seconds (stopped?); "
    "try again": (
        "{path}: en anden referent har været i gang med at åbne eller lukke databasen i {seconds} sekunder "
        "(standset?); prøv igen"
    ),
    "{path}: cannot create the database here: the folder is not writable ({error})": (
        "{path}: databasen kan ikke oprettes her: mappen er skrivebeskyttet ({error})"
    ),
    "{path}: cannot create the database: {error}": "{path}: databasen kan ikke oprettes: {error}",
    "{path}: cannot be opened: {error}": "{path}: kan ikke åbnes: {error}",
    "{path}: is not an ordinary file, so it is no database; check the path": (
        "{path}: er ikke en almindelig fil og derfor ingen database; kontrollér stien"
    ),
    "the file is empty: 0 bytes": "filen er tom: 0 byte",
    "{have} of its {pages} pages": "{have} af sine {pages} sider",
    "{size} bytes": "{size} byte",
    "the file is cut short: it holds {have}": "filen er afkortet: den har {have}",
    "{path}: cannot be read: check that the file and its folder can be read by you": (
        "{path}: kan ikke læses: kontrollér, at du kan læse filen og dens mappe"
    ),
    "{path}: this database was made by a newer referent (it has '{change}'); upgrade referent to open it. "
    "Nothing was changed.": (
        "{path}: databasen er lavet af en nyere referent (den har '{change}'); opdatér referent for at åbne "
        "den. Intet er ændret."
    ),
    "{path}: is a database of another program, not referent's; nothing was changed. Check the path (--db, "
    "REFERENT_DB)": (
        "{path}: er et andet programs database, ikke referents; intet er ændret. Kontrollér stien (--db, "
        "REFERENT_DB)"
    ),
    "{path}: this database is from an older referent and must be brought up to date, but it cannot be "
    "written here: open it once where it can be written": (
        "{path}: databasen er fra en ældre referent og skal opdateres, men den kan ikke skrives her: åbn den "
        "én gang et sted, hvor den kan skrives"
    ),
    "{path}: this file was copied while referent had it open (not with 'referent backup'): what was saved "
    "last before the copy may be missing from it. Copy a database with 'referent backup --out FILE'.": (
        "{path}: filen blev kopieret, mens referent havde den åben (ikke med 'referent backup'): det, der "
        "blev gemt sidst før kopieringen, mangler måske i den. Kopiér en database med 'referent backup --out "
        "FIL'."
    ),
    "{path}: the database is damaged ({detail}); nothing was changed.": (
        "{path}: databasen er beskadiget ({detail}); intet er ændret."
    ),
    "Check it with: {command}": "Kontrollér den med: {command}",
    "There is no backup of it yet.": "Der er endnu ingen sikkerhedskopi af den.",
    "The newest backup is {backup} ({what}): move the damaged file aside and copy that one in its place.": (
        "Den nyeste sikkerhedskopi er {backup} ({what}): flyt den beskadigede fil væk, og kopiér den ind i "
        "dens sted."
    ),
    "An older backup holds meetings or minutes the newest does not: {backup} ({what}).": (
        "En ældre sikkerhedskopi har møder eller referater, som den nyeste ikke har: {backup} ({what})."
    ),
    "made {made}, cannot be read": "lavet {made}, kan ikke læses",
    "made {made}, 1 meeting": "lavet {made}, 1 møde",
    "made {made}, {count} meetings": "lavet {made}, {count} møder",
    "meeting {id} is approved and cannot be changed; reopen it for correction first: 'referent review {id}', "
    "then o (reopen) with the reason": (
        "møde {id} er godkendt og kan ikke ændres; genåbn det først til rettelse: 'referent review {id}', "
        "derefter o (genåbn) med begrundelsen"
    ),
    "{path}: the database can only be read here (the file or its folder is read-only);"
    " nothing can be saved": (
        "{path}: databasen kan kun læses her (filen eller dens mappe er skrivebeskyttet); intet kan gemmes"
    ),
    # the correction screen: how a Word agenda was read
    "How the Word agenda was read": "Sådan blev Word-dagsordenen læst",
    "How the agenda was read: {name}": "Sådan blev dagsordenen læst: {name}",
    "Accept": "OK",
    "Accept the reading and go on to the minutes": "Brug læsningen og gå videre til referatet",
    "Skip": "Videre",
    "Go on to the minutes without these corrections": "Gå videre til referatet uden disse rettelser",
    "Make the paragraph an item": "Gør afsnittet til et punkt",
    "Text": "Tekst",
    "Not an item: text of the item above": "Intet punkt: tekst til punktet ovenover",
    "Header": "Hoved",
    "A line of the header (title, date, place)": "En linje i hovedet (titel, dato, sted)",
    "Person": "Person",
    "A participant": "En deltager",
    "As read": "Som læst",
    "As the reader read it (your mark taken away)": "Som det blev læst (din markering fjernes)",
    "Retitle": "Ny titel",
    "Retitle the item": "Giv punktet en ny titel",
    "Title": "Titel",
    "The meeting's title": "Mødets titel",
    "Date": "Dato",
    "The meeting's date": "Mødets dato",
    "Start": "Start",
    "When the meeting starts": "Hvornår mødet begynder",
    "End": "Slut",
    "When the meeting ends": "Hvornår mødet slutter",
    "Next ?": "Næste ?",
    "Next uncertain paragraph": "Næste usikre afsnit",
    "Previous ?": "Forrige ?",
    "Previous uncertain paragraph": "Forrige usikre afsnit",
    "Undo": "Fortryd",
    "Undo the last correction": "Fortryd den sidste rettelse",
    "a line of the header": "en linje i hovedet",
    "a participant": "en deltager",
    "item {number}": "punkt {number}",
    "text of item {number}": "tekst til punkt {number}",
    "not part of this meeting": "ikke en del af dette møde",
    "your correction": "din rettelse",
    "an item": "et punkt",
    "text": "tekst",
    "marked {role}: not possible here": "markeret som {role}: ikke muligt her",
    "meeting {number} of {count}": "møde {number} af {count}",
    "1 uncertain (n)": "1 usikkert (n)",
    "{count} uncertain (n)": "{count} usikre (n)",
    "1 correction": "1 rettelse",
    "{count} corrections": "{count} rettelser",
    "1 correction no longer applies": "1 rettelse gælder ikke længere",
    "{count} corrections no longer apply": "{count} rettelser gælder ikke længere",
    "the file has changed: Enter brings its changes in": "filen er ændret: Enter tager ændringerne med",
    "reading…": "læser …",
    "Not so: {problem}": "Ikke sådan: {problem}",
    "The document could not be read again: {error}": "Dokumentet kunne ikke læses igen: {error}",
    "The agenda file cannot be read: {problem}": "Dagsordensfilen kan ikke læses: {problem}",
    "This meeting was not read from a Word agenda.": "Dette møde blev ikke læst fra en Word-dagsorden.",
    "This paragraph is in no item: make it an item first (i).": (
        "Dette afsnit hører ikke til et punkt: gør det først til et punkt (i)."
    ),
    "This paragraph is read as the reader read it.": "Dette afsnit læses allerede, som det blev læst.",
    "Nothing here is uncertain.": "Intet her er usikkert.",
    "There is no correction to undo.": "Der er ingen rettelse at fortryde.",
    "Title of item {number}": "Titel på punkt {number}",
    "Title (empty: as the paragraph says)": "Titel (tom: som afsnittet siger)",
    "Title (empty: as read)": "Titel (tom: som læst)",
    "Date (e.g. 6.9.2023 or 6. september 2023; empty: as read)": (
        "Dato (fx 6.9.2023 eller 6. september 2023; tom: som læst)"
    ),
    "'{value}' is not a date: write it as 6.9.2023.": "'{value}' er ikke en dato: skriv den som 6.9.2023.",
    "Time (e.g. 14.30; empty: as read)": "Klokkeslæt (fx 14.30; tom: som læst)",
    "Go on to the minutes without your correction?": "Gå videre til referatet uden din rettelse?",
    "Go on to the minutes without your {count} corrections?": (
        "Gå videre til referatet uden dine {count} rettelser?"
    ),
    "Yes, without them": "Ja, uden dem",
    "No, stay here": "Nej, bliv her",
    "The draft follows the corrected reading (1 change); everything recorded is kept.": (
        "Udkastet følger den rettede læsning (1 ændring); alt registreret er bevaret."
    ),
    "The draft follows the corrected reading ({count} changes); everything recorded is kept.": (
        "Udkastet følger den rettede læsning ({count} ændringer); alt registreret er bevaret."
    ),
    "1 of your corrections to how the agenda was read no longer applies: its paragraph is gone "
    "from the file.": "1 af dine rettelser af, hvordan dagsordenen blev læst, gælder ikke længere: "
    "dens afsnit er ikke længere i filen.",
    "{count} of your corrections to how the agenda was read no longer apply: their paragraphs are "
    "gone from the file.": "{count} af dine rettelser af, hvordan dagsordenen blev læst, gælder ikke "
    "længere: deres afsnit er ikke længere i filen.",
    "{path}: 1 of your corrections to how it was read no longer applies: its paragraph is gone "
    "from the file (the correction is kept, not applied)": "{path}: 1 af dine rettelser af, hvordan "
    "filen blev læst, gælder ikke længere: dens afsnit er ikke længere i filen (rettelsen er gemt, "
    "men bruges ikke)",
    "{path}: {count} of your corrections to how it was read no longer apply: their paragraphs are "
    "gone from the file (the corrections are kept, not applied)": "{path}: {count} af dine rettelser "
    "af, hvordan filen blev læst, gælder ikke længere: deres afsnit er ikke længere i filen "
    "(rettelserne er gemt, men bruges ikke)",
    # several meetings in one Word file
    "this file holds {count} meetings; choose one with --meeting N:": (
        "filen indeholder {count} møder; vælg et med --meeting N:"
    ),
    "no date": "ingen dato",
    "(first item: {title})": "(første punkt: {title})",
    "meeting {number} has its draft: meeting {id}": "møde {number} har sit udkast: møde {id}",
    "its draft: meeting {id}": "dets udkast: møde {id}",
    "{name} holds {count} meetings: which one?": "{name} indeholder {count} møder: hvilket?",
    "Each meeting of the file has a draft of its own.": "Hvert møde i filen har sit eget udkast.",
    "(meeting {number} of the file)": "(møde {number} i filen)",
    "there is no meeting {meeting}: the file holds 1 meeting": (
        "der er intet møde {meeting}: filen indeholder 1 møde"
    ),
    "there is no meeting {meeting}: the file holds {count} meetings": (
        "der er intet møde {meeting}: filen indeholder {count} møder"
    ),
    # the library of past meetings: bodies, search, follow-ups, the next agenda
    "'{name}' matches several bodies: {names}": "'{name}' passer på flere udvalg: {names}",
    "(carried)": "(videreført)",
    "(closed item)": "(lukket punkt)",
    "(no body)": "(intet udvalg)",
    "BODY": "UDVALG",
    "Find words in the titles, case texts, minutes, outcomes and action items of every meeting, in their "
    "Danish forms; best first, the words found highlighted.": (
        "Find ord i titler, sagsfremstillinger, referater, beslutninger og opfølgningspunkter i alle møder, "
        "også i deres bøjede former; de bedste først, med de fundne ord fremhævet."
    ),
    "ID|FILE": "ID|FIL",
    "List the open follow-ups (action items) across a body's meetings: who, what, by when, from which "
    "meeting; overdue first.": (
        "Vis de åbne opfølgningspunkter på tværs af et udvalgs møder: hvem, hvad, hvornår, fra hvilket "
        "møde; de overskredne først."
    ),
    "NAME": "NAVN",
    "No open follow-ups.": "Ingen åbne opfølgningspunkter.",
    "Nothing found.": "Intet fundet.",
    "OVERDUE": "OVERSKREDET",
    "Put a meeting in the body (udvalg, forum) it belongs to; a new name makes a new body.": (
        "Placér et møde under det udvalg (forum), det hører til; et nyt navn opretter et nyt udvalg."
    ),
    "WORD": "ORD",
    "Write the next meeting's agenda from this meeting: body, standing participants, date, the standing "
    "items, the open follow-ups and the items that come back.": (
        "Skriv næste mødes dagsorden ud fra dette møde: udvalg, faste deltagere, dato, de faste punkter, "
        "de åbne opfølgningspunkter og de punkter, der kommer igen."
    ),
    "a meeting file (.toml) or a Word agenda (.docx), by its name (default: both, by date and body)": (
        "en mødefil (.toml) eller en Word-dagsorden (.docx), efter navnet (standard: begge, efter dato og "
        "udvalg)"
    ),
    "as the public may see it: closed items never shown": (
        "som offentligheden må se det: aldrig lukkede punkter"
    ),
    "by {due}": "senest {due}",
    "give the body's name": "angiv udvalgets navn",
    "meeting {id}": "møde {id}",
    "meeting {id} belongs to {body}": "møde {id} hører til {body}",
    "meeting {id} moved from {before} to {body}": "møde {id} er flyttet fra {before} til {body}",
    "meeting {id} of {date}, item {number}": "møde {id} den {date}, punkt {number}",
    "no action item with id {id}": "intet opfølgningspunkt med id {id}",
    "no body called '{name}'; the bodies are: {names}": "intet udvalg hedder '{name}'; udvalgene er: {names}",
    "show at most N items (default: 50)": "vis højst N punkter (standard: 50)",
    "the body's name": "udvalgets navn",
    "the body's name, or part of it (default: every body)": (
        "udvalgets navn eller en del af det (standard: alle)"
    ),
    "the minutes give no date for the next meeting; the agenda says {date}: correct it in the file": (
        "referatet angiver ingen dato for næste møde; dagsordenen siger {date}: ret det i filen"
    ),
    "the words to find (all of them)": "ordene, der skal findes (alle)",
    "{path}: already exists; name the file to write with --out": (
        "{path}: findes allerede; angiv filen, der skal skrives, med --out"
    ),
    # follow-ups of earlier meetings (F7)
    "Carried": "Videreført",
    "Done": "Udført",
    "Dropped": "Udgået",
    "Follow-ups": "Opfølgning",
    "Follow-ups from earlier meetings": "Opfølgning fra tidligere møder",
    "Follow-ups from earlier meetings (F7 marks them):": "Opfølgning fra tidligere møder (F7 markerer dem):",
    "Follow-ups from earlier meetings: done, carried, dropped": (
        "Opfølgning fra tidligere møder: udført, videreført, udgået"
    ),
    "No open follow-ups from earlier meetings.": "Ingen åbne opfølgningspunkter fra tidligere møder.",
    "Status": "Status",
    "From": "Fra",
    "open": "åben",
    "done": "udført",
    "carried": "videreført",
    "dropped": "udgået",
    "d: done   c: carried to the next meeting   x: dropped   Esc: back": (
        "d: udført   c: videreført til næste møde   x: udgået   Esc: tilbage"
    ),
    # the search screen (Ctrl+F)
    "Search": "Søg",
    "Search every meeting's minutes": "Søg i alle mødernes referater",
    "Search the minutes": "Søg i referaterne",
    "Words to find (in every meeting, in their Danish forms)": (
        "Ord, der skal findes (i alle møder, i alle bøjninger)"
    ),
    "e.g. sundhedsaftale": "fx sundhedsaftale",
    "{count} found, best first: Enter opens the marked one, ↑↓ choose": (
        "{count} fundet, de bedste først: Enter åbner det markerede, ↑↓ vælger"
    ),
    # N in the review: the next agenda
    "Next agenda": "Næste dagsorden",
    "The next meeting's agenda (approved minutes)": "Næste mødes dagsorden (godkendt referat)",
    "The next agenda is made from approved minutes: approve them first (A).": (
        "Næste dagsorden laves ud fra et godkendt referat: godkend det først (A)."
    ),
    "{path}: already exists; nothing was written": "{path}: findes allerede; intet blev skrevet",
    "The minutes give no date for the next meeting: correct it.": (
        "Referatet angiver ingen dato for næste møde: ret den."
    ),
    "The next agenda:": "Næste dagsorden:",
    # the reading round (readinground, cli/reading.py)
    "Reading copy": "Gennemlæsning",
    "Bring in a reading copy returned from Word": (
        "Hent en kopi til gennemlæsning ind, der er kommet retur fra Word"
    ),
    "Accept correction": "Godtag rettelse",
    "Accept the highlighted proposed correction": "Godtag den markerede foreslåede rettelse",
    "Reject correction": "Afvis rettelse",
    "Reject the highlighted proposed correction": "Afvis den markerede foreslåede rettelse",
    "Accept all from this person": "Godtag alt fra denne person",
    "Accept every correction the reviewer of the highlighted one proposed": (
        "Godtag alle rettelser, som læseren af den markerede har foreslået"
    ),
    "Item {number}: proposed correction: {detail}": "Punkt {number}: foreslået rettelse: {detail}",
    "conflicts with another proposal": "strider mod et andet forslag",
    "Bring in a reading copy": "Hent en kopi til gennemlæsning ind",
    "The returned copy (.docx)": "Kopien, der er kommet retur (.docx)",
    "Type the copy's file name.": "Skriv kopiens filnavn.",
    "Highlight a proposed correction first.": "Markér først en foreslået rettelse.",
    "The proposed correction is rejected.": "Den foreslåede rettelse er afvist.",
    "1 correction accepted.": "1 rettelse godtaget.",
    "{count} corrections accepted.": "{count} rettelser godtaget.",
    "1 correction no longer fits the words now: decide it by hand.": (
        "1 rettelse passer ikke længere til ordene nu: afgør den i hånden."
    ),
    "{count} corrections no longer fit the words now: decide them by hand.": (
        "{count} rettelser passer ikke længere til ordene nu: afgør dem i hånden."
    ),
    "{name}: {changes} ({new} new), {comments}.": "{name}: {changes} ({new} nye), {comments}.",
    "As sent": "Som sendt",
    "outcome": "beslutning",
    "Y accepts the highlighted correction, R rejects it, P accepts all from its reader; "
    "D shows them word by word.": (
        "Y godtager den markerede rettelse, R afviser den, P godtager alt fra dens læser; "
        "D viser dem ord for ord."
    ),
    "Now": "Nu",
    "the words have changed since the copy was sent; this correction no longer fits": (
        "ordene er ændret, siden kopien blev sendt; denne rettelse passer ikke længere"
    ),
    "changed in referent since the copy was sent; the correction still fits the text now": (
        "ændret i referent, siden kopien blev sendt; rettelsen passer stadig til teksten nu"
    ),
    "changed in referent since the copy was sent; the correction no longer fits the text now: "
    "decide in the review": (
        "ændret i referent, siden kopien blev sendt; rettelsen passer ikke længere til teksten nu: "
        "afgør det i gennemsynet"
    ),
    "{name}: meeting {id}: {changes}, {new} not brought in before; {comments}": (
        "{name}: møde {id}: {changes}, {new} ikke hentet ind før; {comments}"
    ),
    "{name}: a reading copy of meeting {id} ({title}, {date}), the draft as it was on {made}": (
        "{name}: en kopi til gennemlæsning af møde {id} ({title}, {date}), udkastet som det var {made}"
    ),
    "Bring them in with: {command}": "Hent dem ind med: {command}",
    "accepted already": "godtaget allerede",
    "1 of them has nothing left to decide (decided already, or the text reads so now).": (
        "1 af dem er der intet tilbage at afgøre ved (afgjort allerede, eller teksten lyder sådan nu)."
    ),
    "{count} of them have nothing left to decide (decided already, or the text reads so now).": (
        "{count} af dem er der intet tilbage at afgøre ved (afgjort allerede, eller teksten lyder sådan nu)."
    ),
    "rejected already": "afvist allerede",
    "the text now reads as the correction would make it": "teksten lyder nu, som rettelsen ville gøre den",
    "accepted already: {where}: {change} ({who})": "godtaget allerede: {where}: {change} ({who})",
    "rejected already: {where}: {change} ({who})": "afvist allerede: {where}: {change} ({who})",
    "the text now reads as the correction would make it: {where}: {change} ({who})": (
        "teksten lyder nu, som rettelsen ville gøre den: {where}: {change} ({who})"
    ),
    "unknown reviewer": "ukendt læser",
    "accepted: {where}: {change} ({who})": "godtaget: {where}: {change} ({who})",
    "1 proposed correction": "1 foreslået rettelse",
    "{count} proposed corrections": "{count} foreslåede rettelser",
    "1 comment added": "1 kommentar tilføjet",
    "{count} comments added": "{count} kommentarer tilføjet",
    "no tracked changes and no comments": "ingen sporede ændringer og ingen kommentarer",
    "nothing to accept from {name}": "intet at godtage fra {name}",
    "nothing to accept": "intet at godtage",
    "minutes": "referat",
    "ignored: {what}": "ikke læst: {what}",
    "not applied: {where}: {change} — those words have changed since the copy was sent; "
    "decide in the review": (
        "ikke rettet: {where}: {change} — ordene er ændret, siden kopien blev sendt; afgør det i gennemsynet"
    ),
    "on": "til",
    "comment": "kommentar",
    "untracked": "uden sporing",
    "moved": "flyttet",
    "{name}: not a reading copy of minutes made by referent (its properties do not say which meeting it was "
    "made for); make one with 'referent export ID --for-review'": (
        "{name}: ikke en kopi til gennemlæsning lavet af referent (dens egenskaber siger ikke, hvilket møde "
        "den er lavet til); lav en med 'referent export ID --for-review'"
    ),
    "{name}: a copy of approved minutes, not a reading copy of a draft: nothing in it is brought in": (
        "{name}: en kopi af et godkendt referat, ikke en kopi til gennemlæsning af et udkast: intet i den "
        "hentes ind"
    ),
    "{name}: a draft exported without --for-review, not a reading copy; send the reviewers a copy made with "
    "'referent export ID --for-review'": (
        "{name}: et udkast eksporteret uden --for-review, ikke en kopi til gennemlæsning; send læserne en "
        "kopi lavet med 'referent export ID --for-review'"
    ),
    "{name}: a reading copy of a meeting that is not in this database (another database, a file exported on "
    "its own, or a meeting deleted since)": (
        "{name}: en kopi til gennemlæsning af et møde, der ikke er i denne database (en anden database, en "
        "fil eksporteret for sig selv eller et møde, der er slettet siden)"
    ),
    "{name}: a reading copy of another meeting (meeting {id}: {title}), not of this one": (
        "{name}: en kopi til gennemlæsning af et andet møde (møde {id}: {title}), ikke af dette"
    ),
    "meeting {id} is approved: reopen it for correction before bringing in a reading copy "
    "('referent review {id}', then o)": (
        "møde {id} er godkendt: genåbn det til rettelse, før en kopi til gennemlæsning hentes ind "
        "('referent review {id}', derefter o)"
    ),
    "a meeting file, a Word agenda, a meeting id, or a reading copy returned from Word": (
        "en mødefil, en dagsorden i Word, et møde-id eller en kopi til gennemlæsning, "
        "der er kommet retur fra Word"
    ),
    "accept every change of this reviewer in the reading copy, without the app; print what changed": (
        "godtag alle denne læsers ændringer i kopien til gennemlæsning uden programmet; "
        "skriv, hvad der blev rettet"
    ),
    "accept every reviewer's changes in the reading copy, without the app; print what changed": (
        "godtag alle læseres ændringer i kopien til gennemlæsning uden programmet; "
        "skriv, hvad der blev rettet"
    ),
    "--accept and --accept-all take a returned reading copy (COPY.docx)": (
        "--accept og --accept-all tager en kopi til gennemlæsning, der er kommet retur (KOPI.docx)"
    ),
    "formatting changes (bold, italics, layout) are not read: the house style decides them": (
        "ændringer af formatering (fed, kursiv, layout) læses ikke: husstilen bestemmer dem"
    ),
    "changes in the header block outside its rows' lines (the lines above it, the row labels; in a copy "
    "made before attendance was read, all of it) are not read; make them in referent": (
        "ændringer i mødeoplysningerne uden for rækkernes linjer (linjerne over dem, rækkernes "
        "overskrifter; i en kopi lavet, før deltagerlinjerne blev læst, det hele) læses ikke; "
        "foretag dem i referent"
    ),
    "item {number} ({title}): {change} in the heading's number or time is not read; make it in referent": (
        "punkt {number} ({title}): {change} i overskriftens nummer eller tid læses ikke; "
        "foretag det i referent"
    ),
    "the header block's {row} row: {change} is not read (of the header block only the attendance lines are); "
    "make it in referent": (
        "mødeoplysningernes række {row}: {change} læses ikke (af mødeoplysningerne læses kun "
        "deltagerlinjerne); foretag det i referent"
    ),
    "meeting title": "mødetitel",
    "time of the meeting": "mødetid",
    "started at": "påbegyndt",
    "ended at": "afsluttet",
    "participants": "deltagere",
    "guests": "gæster",
    "attendance": "deltagelse",
    "The header block": "Mødeoplysningerne",
    "the header block": "mødeoplysningerne",
    "On the header block:": "Om mødeoplysningerne:",
    "not applied: {where}: {change} — {reason}": "ikke rettet: {where}: {change} — {reason}",
    "«{line}» names more than one person on the list: mark it in referent": (
        "«{line}» nævner mere end én person på listen: markér det i referent"
    ),
    "«{line}» names nobody on the list of participants: mark it in referent": (
        "«{line}» nævner ingen på deltagerlisten: markér det i referent"
    ),
    "«{line}» names nobody": "«{line}» nævner ingen",
    "Header block: proposed correction: {detail}": "Mødeoplysningerne: foreslået rettelse: {detail}",
    "changes in the running header or the footer are not read: referent writes them": (
        "ændringer i sidehovedet eller sidefoden læses ikke: referent skriver dem"
    ),
    "changes to the page layout are not read: the house style decides it": (
        "ændringer af sidelayoutet læses ikke: husstilen bestemmer det"
    ),
    "changes outside an item's title, minutes and outcomes (the case, the recommendation, the "
    "attachments, follow-ups) are not read; make them in referent": (
        "ændringer uden for et punkts titel, referat og beslutninger (sagsfremstillingen, indstillingen, "
        "bilagene, opfølgningen) læses ikke; foretag dem i referent"
    ),
    "changes to an item the meeting no longer has are not read": (
        "ændringer af et punkt, som mødet ikke længere har, læses ikke"
    ),
    "changes to an item's number or time in its heading are not read; make them in referent": (
        "ændringer af et punkts nummer eller tid i overskriften læses ikke; foretag dem i referent"
    ),
    # the Word reader's warnings (``referent check``, the correction screen)
    "the file holds {count} meetings; read meeting {meeting}: {label}": (
        "filen indeholder {count} møder; læste møde {meeting}: {label}"
    ),
    "there is no meeting {meeting}: the file holds {count}": (
        "der er intet møde {meeting}: filen indeholder {count}"
    ),
    'no meeting title (a "Møde:" line) was found; took "{title}" from {source}': (
        'ingen mødetitel (en "Møde:"-linje) blev fundet; tog "{title}" fra {source}'
    ),
    "the document's properties": "dokumentets egenskaber",
    "the document's heading": "dokumentets overskrift",
    "the file name": "filnavnet",
    "no meeting date was found in the document; took today, {date}": (
        "ingen mødedato blev fundet i dokumentet; tog dagens dato, {date}"
    ),
    "no meeting date was found in the document; took {date} from the file name": (
        "ingen mødedato blev fundet i dokumentet; tog {date} fra filnavnet"
    ),
    "no meeting date was found in the document; took {date}, when it was created": (
        "ingen mødedato blev fundet i dokumentet; tog {date}, da det blev oprettet"
    ),
    "the document is empty": "dokumentet er tomt",
    "no agenda items were found; write each item as a numbered heading or bold line, "
    "e.g. '1. Godkendelse af dagsorden', or open the document (referent open) and "
    "mark its items with i (see docs/word-agenda.md)": (
        "der blev ikke fundet nogen dagsordenspunkter; skriv hvert punkt som en nummereret overskrift "
        "eller fed linje, f.eks. '1. Godkendelse af dagsorden', eller åbn dokumentet (referent open) og "
        "markér dets punkter med i (se docs/word-agenda.md)"
    ),
    "no agenda items are left: mark at least one paragraph as an item": (
        "der er ingen dagsordenspunkter tilbage: markér mindst ét afsnit som punkt"
    ),
    "no agenda items were found, so the whole document is one item for now: mark each "
    "item with i when it is opened (referent open), or write each item as a numbered "
    "heading or bold line, e.g. '1. Godkendelse af dagsorden' (see docs/word-agenda.md)": (
        "der blev ikke fundet nogen dagsordenspunkter, så hele dokumentet er ét punkt indtil videre: "
        "markér hvert punkt med i, når det åbnes (referent open), eller skriv hvert punkt som en "
        "nummereret overskrift eller fed linje, f.eks. '1. Godkendelse af dagsorden' (se docs/word-agenda.md)"
    ),
    "{what} could not be read; copy its text into the document itself": (
        "{what} kunne ikke læses; kopiér teksten ind i selve dokumentet"
    ),
    "an embedded document (altChunk)": "et indlejret dokument (altChunk)",
    "a further date or time was not used: {quoted}": (
        "en dato eller et tidspunkt mere blev ikke brugt: {quoted}"
    ),
    "part of a date line was not understood: {quoted}": "en del af en datolinje blev ikke forstået: {quoted}",
    "{quoted} is not a date in the calendar; took today's date instead": (
        "{quoted} er ikke en dato i kalenderen; tog dagens dato i stedet"
    ),
    "the meeting's date was taken from a sentence: {quoted}": (
        "mødets dato blev taget fra en sætning: {quoted}"
    ),
    "the date {quoted} has no year and none was found in the document; took {year}": (
        "datoen {quoted} har intet år, og intet blev fundet i dokumentet; tog {year}"
    ),
    "item {number} has no title; called it {title}": "punkt {number} har ingen titel; kaldte det {title}",
    "a row of the agenda table without an item number was kept in the item above: {quoted}": (
        "en række i dagsordenstabellen uden punktnummer blev lagt i punktet over: {quoted}"
    ),
    "text before the first item was not placed: {quoted} (kept in item 1's case text)": (
        "tekst før første punkt blev ikke placeret: {quoted} (lagt i punkt 1's sagsfremstilling)"
    ),
    "text after the last item was not placed: {quoted} (kept in item {number}'s case text)": (
        "tekst efter sidste punkt blev ikke placeret: {quoted} (lagt i punkt {number}'s sagsfremstilling)"
    ),
    "a correction no longer applies (its paragraph is gone): {quoted}": (
        "en rettelse passer ikke længere (dens afsnit er væk): {quoted}"
    ),
    "a heading that goes on with item {number} was kept in it: {quoted}": (
        "en overskrift, der fortsætter punkt {number}, blev lagt i det: {quoted}"
    ),
    "cannot be read as a Word document (it may be damaged): {error}": (
        "kan ikke læses som et Word-dokument (det kan være beskadiget): {error}"
    ),
    "item numbers go from {previous} to {number}; referent numbers the items 1 to {count} in their order": (
        "punktnumrene går fra {previous} til {number};"
        " referent nummererer punkterne 1 til {count} i deres rækkefølge"
    ),
    "a heading above the items' level was kept in item {number}'s case text: {quoted}": (
        "en overskrift over punkternes niveau blev lagt i punkt {number}'s sagsfremstilling: {quoted}"
    ),
    "text after item {number}'s recommendation was put into its case text: {quoted}": (
        "tekst efter punkt {number}'s indstilling blev lagt i dets sagsfremstilling: {quoted}"
    ),
    "text after item {number}'s attachments was put into its case text: {quoted}": (
        "tekst efter punkt {number}'s bilag blev lagt i dets sagsfremstilling: {quoted}"
    ),
    "cannot be read as a Word document: it has no body": (
        "kan ikke læses som et Word-dokument: det har ingen brødtekst"
    ),
    "the document has more than {count} paragraphs; referent reads agendas up to that size": (
        "dokumentet har mere end {count} afsnit; referent læser dagsordener op til den størrelse"
    ),
    "reading the document took more than {seconds} seconds; it is not an agenda referent can read": (
        "det tog mere end {seconds} sekunder at læse dokumentet; det er ikke en dagsorden, referent kan læse"
    ),
    "the file is damaged: it is not a complete .docx (try saving it again in Word)": (
        "filen er beskadiget: den er ikke en hel .docx (prøv at gemme den igen i Word)"
    ),
    "the file is damaged (its text cannot be unpacked); save it again in Word": (
        "filen er beskadiget (dens tekst kan ikke pakkes ud); gem den igen i Word"
    ),
    "this is {kind}, not a Word document; save the agenda as .docx in Word": (
        "dette er {kind}, ikke et Word-dokument; gem dagsordenen som .docx i Word"
    ),
    "an Excel workbook": "en Excel-projektmappe",
    "a PowerPoint presentation": "en PowerPoint-præsentation",
    "an OpenDocument file (LibreOffice)": "en OpenDocument-fil (LibreOffice)",
    "a zip archive": "et zip-arkiv",
    "this is not a Word document inside; save the agenda as .docx in Word": (
        "dette er ikke et Word-dokument indeni; gem dagsordenen som .docx i Word"
    ),
    "the document's text is more than {size} MB unpacked;"
    " referent reads Word agendas up to {limit} MB of text": (
        "dokumentets tekst fylder mere end {size} MB udpakket;"
        " referent læser Word-dagsordener op til {limit} MB tekst"
    ),
    "this document is saved as 'Strict Open XML', which referent cannot read; "
    "save it in Word as an ordinary Word Document (.docx)": (
        "dette dokument er gemt som 'Strict Open XML', som referent ikke kan læse; "
        "gem det i Word som et almindeligt Word-dokument (.docx)"
    ),
}


def set_language(language: str) -> None:
    """Choose ``da`` or ``en`` for every string shown from now on."""
    global _language
    _language = "da" if language == "da" else "en"


def language() -> str:
    """``da`` or ``en``: what ``t`` speaks now."""
    return _language


def t(text: str, **values: object) -> str:
    """``text`` in the current language, with ``{name}`` fields filled from ``values``."""
    translated = DANISH.get(text, text) if _language == "da" else text
    return translated.format(**values) if values else translated


class Phrase(str):
    """Words in the language of the moment they are shown, not of the moment they are made: a
    Word agenda's warnings are made while it is read, before its meeting (and with it, on a C
    locale, the language) is known. It is the text in the language of its making, and
    ``said`` says it again in the language of now."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Phrase:
        made = super().__new__(cls, t(template, **_spoken(values)))
        made.template, made.values = template, values
        return made


def _spoken(values: dict[str, object]) -> dict[str, object]:
    """A phrase's values as the current language says them: phrases again, dates in words."""
    return {
        name: said(value)
        if isinstance(value, str)
        else spoken_date(value)
        if isinstance(value, date)
        else value
        for name, value in values.items()
    }


def phrase(template: str, **values: object) -> Phrase:
    """``t(template, **values)``, able to be said again in another language (see ``Phrase``)."""
    return Phrase(template, **values)


def said(text: str) -> str:
    """``text`` in the current language when it is a ``Phrase`` (its values too), else as it is."""
    return t(text.template, **_spoken(text.values)) if isinstance(text, Phrase) else text


def tn(one: str, many: str, count: int, **values: object) -> str:
    """``one`` or ``many`` by ``count`` (both languages have one plural form), ``{count}`` filled in."""
    return t(one if count == 1 else many, count=count, **values)


def yes_key() -> str:
    """The key that answers yes: j in Danish (ja), y in English."""
    return "j" if _language == "da" else "y"


def no_key() -> str:
    return "n"


_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")  # fmt: skip


def spoken_date(day: date) -> str:
    """A date as a sentence says it in the current language: ``fredag den 26. august 2022`` or
    ``Friday 26 August 2022`` (never the machine's locale: C is common and da_DK often missing)."""
    if _language == "da":
        return f"{WEEKDAYS[day.weekday()]} den {day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{_ENGLISH_WEEKDAYS[day.weekday()]} {day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"


# --- which language a meeting is written in ------------------------------------------------

_DANISH_WORDS = frozenset(
    (
        "og", "i", "af", "til", "med", "på", "det", "er", "et", "som", "der", "ikke", "fra", "ved",
        "kan", "skal", "blev", "bliver", "eller", "efter", "samt", "punkt", "punkter", "mødet", "møde",
        "dagsorden", "referat", "eventuelt", "bilag", "orientering", "godkendelse", "indstilling",
        "indstilles", "sag", "sager", "udvalg", "vedr", "nyt", "økonomi",
    )
)  # fmt: skip
"""Frequent Danish words that are not English words too (no ``at``, ``for``, ``to``, ``by``)."""
_ENGLISH_WORDS = frozenset(
    (
        "the", "and", "of", "in", "on", "with", "from", "is", "are", "will", "this", "that", "which",
        "an", "any", "other", "business", "approval", "agenda", "meeting", "minutes", "report",
        "update", "budget", "board", "committee", "chair", "item", "items",
    )
)  # fmt: skip
"""Frequent English words that are not Danish words too."""
_WORD = re.compile(r"[^\W\d_]+")
_ENOUGH = 400
"""Words enough to tell: a 400-item agenda is not read to the end."""


def text_language(texts: Iterable[str]) -> str:
    """``en`` when the texts are clearly English, else ``da``: referent is made for Danish
    councils, so a text that says too little (names, numbers) counts as Danish."""
    counts: Counter[str] = Counter()
    seen = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            seen += 1
            if word in _DANISH_WORDS or any(letter in word for letter in "æøå"):
                counts["da"] += 1
            elif word in _ENGLISH_WORDS:
                counts["en"] += 1
        if seen >= _ENOUGH:
            break
    return "en" if counts["en"] > counts["da"] else "da"


def meeting_language(meeting: Meeting) -> str:
    """The language a meeting's agenda is written in (``da`` or ``en``), from its own words."""

    def texts() -> Iterable[str]:
        yield meeting.title
        yield meeting.body
        yield meeting.location
        for item in meeting.items:
            yield item.title
            yield item.recommendation.intro
            yield from item.recommendation.points
            yield item.case

    return text_language(texts())


# --- which language to speak ------------------------------------------------------------------


def choose_language(setting: str, meeting: Meeting | None = None) -> str:
    """The setting (``da``/``en``); else the locale, when it names a language; else the
    meeting's own language; else Danish (referent is made for Danish councils: without a
    meeting, as in the picker or ``referent list``, nothing says the user reads English)."""
    if setting in ("da", "en"):
        return setting
    return language_from_environment() or (meeting_language(meeting) if meeting is not None else "da")


def language_from_environment() -> str:
    """``da`` when the user's locale is Danish, ``en`` when it is another language, and empty
    when it names none: C, C.UTF-8 and POSIX are what servers and containers set, not a
    choice of English, so they are passed over (the next variable, then the meeting, decides)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        for value in os.environ.get(variable, "").split(":"):  # LANGUAGE is a list: da:en
            if _names_a_language(value):
                return "da" if value.lower().startswith("da") else "en"
    current = process_locale()
    if _names_a_language(current):
        return "da" if current.lower().startswith("da") else "en"
    return ""


def process_locale() -> str:
    """The locale the interpreter set at start (on Windows, with no LANG: Danish_Denmark.1252);
    not ``getlocale()``, which reads C.UTF-8 as en_US."""
    return locale.setlocale(locale.LC_CTYPE)


def _names_a_language(value: str) -> bool:
    name = value.split(".")[0].split("@")[0].strip()
    return bool(name) and name.upper() not in ("C", "POSIX")

# Deutsche Beschriftungen: jedes feste Wort der Berichte, Handzettel und des
# Index eines Exports. Eine Datei `locales/de.ftl` in einem --templates-Ordner
# ersetzt jede davon einzeln.

## Art des Dokuments, Kopfbereich und Seitenrand

kind-report = Berufsprofil
kind-handout = Berufsinfo kompakt
kind-index = Berufsprofile
fact-category = Kategorie
fact-career-type = Berufsart
fact-reviewed = Stand
colophon-reviewed = Stand: { $date }
colophon-more = mehr zu jedem Thema im vollständigen Berufsprofil
running-handout = Berufsinfo kompakt
page-of = Seite { $page } von { $pages }
colon = { $label }:

## Teile eines Berichts

at-a-glance = Auf einen Blick
contents = Inhalt
sources = Quellen
remote-work = Homeoffice
misconception = Irrtum
reality = Wirklichkeit

## Gehalt

salary-average = Durchschnittsgehalt
salary-average-short = Durchschnitt
salary-by-stage = Gehalt nach Karrierestufe
salary-by-stage-short = Nach Karrierestufe
salary-stage = Stufe
salary-from = Von
salary-to = Bis
salary-range = { $min } bis { $max }
period-year = pro Jahr
period-month = pro Monat
period-hour = pro Stunde
stage-entry = Einstieg
stage-mid = Berufserfahrung
stage-senior = Führungsebene

## Stufen der Arbeit im Homeoffice

remote-none = Nicht möglich
remote-limited = Begrenzt
remote-moderate = Mittel
remote-high = Hoch

## Eigene Überschriften des Handzettels

handout-what-the-job-is = Worum es in dem Beruf geht
handout-top-skills = Wichtigste Fähigkeiten

## Der Index eines Exports

index-title = Alle Berufe
index-count =
    { $count ->
        [one] { $count } Beruf
       *[other] { $count } Berufe
    }
index-grouped = nach Kategorie und Berufsart gruppiert
index-no-category = Weitere Berufe
index-no-type = Weitere Berufsarten
index-opens = Jeder Titel öffnet das Berufsprofil.
languages-nav = Andere Sprachen
index-career = Beruf
index-complete = Vollständigkeit
index-percent = { $score } %
index-percent-complete = zu { $score } % vollständig
index-pay = Gehalt
index-pay-median = Median { $amount } { $period }
index-pay-average = Durchschnitt { $amount } { $period }
index-sorted-by = sortiert nach { $column }, { $order }
index-order-pay = höchste zuerst
index-order-education = geringste Ausbildung zuerst
index-order-outlook = stärkstes Wachstum zuerst
index-sort-all = Alle Berufe sortieren nach
index-by-category = Nach Kategorie anzeigen
index-description = Berufsprofile: { index-count }. Jedes beschreibt Tätigkeit, Ausbildung, Gehalt, Aussichten und Einstieg.

## Vergleiche von zwei bis vier Berufen, und die Broschüre eines ganzen Exports

kind-compare = Berufsvergleich
compare-title = { $count } Berufe im Vergleich
compare-description = { $careers }: Gehalt, Ausbildung, Weiterbildung, Aussichten, Nachfrage, Homeoffice, Fähigkeiten, Arbeitsumfeld und ein erster Schritt.
compare-not-described = nicht beschrieben
compare-currencies-differ = Verschiedene Währungen ({ $currencies }): Die Beträge werden nicht umgerechnet.
compare-periods-differ = Die Gehälter beziehen sich auf verschiedene Zeiträume ({ $periods }).
compare-untranslated = { $career } hat keinen Text auf { $language }: Die Spalte ist auf { $shown }.
compare-first-step = Erster Schritt
kind-book = Berufsbroschüre
book-title = Berufe
book-description = { $title }: eine Broschüre mit { index-count }. Jedes Profil beschreibt Tätigkeit, Ausbildung, Gehalt, Aussichten und Einstieg.

## Überschriften der Abschnitte, nach dem Schlüssel des Abschnitts unter `sections:`

section-overview = Überblick
section-fun_facts = Wissenswertes
section-education = Ausbildungsvoraussetzungen
section-responsibilities = Hauptaufgaben
section-salary = Durchschnittliche Gehaltsspanne
section-career_path = Laufbahn und Aufstieg
section-challenges = Größte Herausforderungen
section-gaining_experience = Wie man am besten Erfahrung sammelt
section-outlook = Berufsaussichten
section-skills = Erforderliche Fähigkeiten
section-demand = Nachfrage
section-training = Weiterbildung und Zertifizierung
section-work_environment = Arbeitsumfeld
section-industry_sectors = Branchen
section-employers = Wichtige Arbeitgeber
section-tools = Werkzeuge und Technologien
section-related_careers = Verwandte Berufe
section-internships = Praktikumsmöglichkeiten
section-remote_work = Möglichkeiten für Homeoffice
section-specializations = Spezialisierungen
section-challenges_rewards = Herausforderungen und Lohn der Arbeit
section-getting_started = Der Einstieg
section-famous_people = Bekannte Persönlichkeiten
section-global_opportunities = Chancen im Ausland
section-misconceptions = Verbreitete Irrtümer

## Auf einen Blick: Zahlen

quick-facts = Kurz und bündig
fact-pay-median = Mittleres Gehalt (Median)
fact-pay-average = Durchschnittsgehalt
fact-entry-education = Ausbildung für den Einstieg
fact-work-experience = Berufserfahrung in einem verwandten Beruf
fact-training = Einarbeitung im Beruf
fact-jobs = Zahl der Stellen
fact-outlook = Berufsaussichten
fact-openings = Offene Stellen pro Jahr
fact-hours = Wochenstunden
fact-regulated = Zulassung oder Eintragung
fact-percent = { $percent } %
fact-sources = Quellen dieser Angaben
also-called = Auch genannt
occupation-codes = Berufskennziffern
salary-percentiles = Gehalt nach Perzentil
salary-percentile = { $rank }. Perzentil
education-none = Kein formaler Abschluss
education-high-school = Schulabschluss
education-postsecondary-nondegree = Berufliches Zertifikat
education-some-college = Studium ohne Abschluss
education-associate = Kurzstudium (Associate)
education-bachelor = Bachelor
education-master = Master
education-doctoral = Promotion oder Staatsexamen

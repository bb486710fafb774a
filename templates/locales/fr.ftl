# Libellés en français : chaque mot fixe des rapports, des fiches et de
# l’index d'un export. Un fichier `locales/fr.ftl` dans un dossier
# --templates remplace n'importe lequel d'entre eux, un par un.

## Le type de document, l'en-tête et le bas de page

kind-report = Fiche métier
kind-handout = Fiche métier résumée
kind-index = Fiches métiers
fact-category = Catégorie
fact-career-type = Type de carrière
fact-reviewed = Dernière vérification
colophon-reviewed = vérifié le { $date }
colophon-more = la fiche métier complète en dit plus sur chaque sujet
running-handout = fiche métier résumée
page-of = Page { $page } sur { $pages }
colon = { $label }{ "\u00A0" }:

## Parties d'un rapport

at-a-glance = En bref
contents = Sommaire
sources = Sources
remote-work = Télétravail
misconception = Idée reçue
reality = Réalité

## Salaire

salary-average = Salaire moyen
salary-average-short = Moyenne
salary-by-stage = Salaire selon l’étape de carrière
salary-by-stage-short = Selon l’étape de carrière
salary-stage = Étape
salary-from = De
salary-to = À
salary-range = de { $min } à { $max }
period-year = par an
period-month = par mois
period-hour = de l’heure
stage-entry = Début de carrière
stage-mid = Milieu de carrière
stage-senior = Expérimenté

## Niveaux de télétravail

remote-none = Aucun
remote-limited = Limité
remote-moderate = Modéré
remote-high = Élevé

## Titres propres à la fiche résumée

handout-what-the-job-is = En quoi consiste le métier
handout-top-skills = Compétences clés

## L'index d'un export

index-title = Tous les métiers
index-count =
    { $count ->
        [one] { $count } métier
       *[other] { $count } métiers
    }
index-grouped = classés par catégorie et type de carrière
index-no-category = Autres métiers
index-no-type = Autres types de métier
index-opens = Chaque titre ouvre la fiche de ce métier.
languages-nav = Autres langues
index-career = Métier
index-complete = Complétude
index-percent = { $score } %
index-percent-complete = complète à { $score } %
index-pay = Salaire
index-pay-median = { $amount } { $period } (médiane)
index-pay-average = { $amount } { $period } (moyenne)
index-sorted-by = triés par { $column }, { $order }
index-order-pay = du plus élevé au plus bas
index-order-education = du moins au plus d’études
index-order-outlook = de la plus forte à la plus faible croissance
index-sort-all = Trier tous les métiers par
index-by-category = Voir par catégorie
index-description = Fiches métiers : { index-count }, chacune avec la nature du travail, la formation, le salaire, les perspectives et les premiers pas.

## Comparaisons de deux à quatre métiers, et le livret d'un export

kind-compare = Comparaison de métiers
compare-title = { $count } métiers côte à côte
compare-description = { $careers } : salaire, études, formation, perspectives, demande, télétravail, compétences, cadre de travail et un premier pas.
compare-not-described = non renseigné
compare-currencies-differ = Devises différentes ({ $currencies }) : les montants ne sont pas convertis.
compare-periods-differ = Les salaires portent sur des périodes différentes ({ $periods }).
compare-untranslated = { $career } n’a pas de texte en { $language } : sa colonne est en { $shown }.
compare-first-step = Premier pas
kind-book = Livret des métiers
book-title = Métiers
book-description = { $title } : un livret de { index-count }, chacun avec le travail, les études, le salaire, les perspectives et comment commencer.

## Titres des sections, par la clé de la section sous `sections:`

section-overview = Présentation
section-fun_facts = Le saviez-vous ?
section-education = Formation requise
section-responsibilities = Missions principales
section-salary = Fourchette de salaire moyenne
section-career_path = Parcours et évolution
section-challenges = Principales difficultés
section-gaining_experience = Meilleures façons d’acquérir de l’expérience
section-outlook = Perspectives d’emploi
section-skills = Compétences requises
section-demand = Demande sur le marché
section-training = Formation et certification
section-work_environment = Environnement de travail
section-industry_sectors = Secteurs d’activité
section-employers = Principaux employeurs
section-tools = Outils et technologies
section-related_careers = Métiers proches
section-internships = Possibilités de stage
section-remote_work = Possibilités de télétravail
section-specializations = Spécialisations
section-challenges_rewards = Difficultés et satisfactions
section-getting_started = Comment débuter
section-famous_people = Personnalités célèbres
section-global_opportunities = Opportunités à l’international
section-misconceptions = Idées reçues

## L'essentiel

quick-facts = L’essentiel
fact-pay-median = Salaire médian
fact-pay-average = Salaire moyen
fact-entry-education = Formation pour débuter
fact-work-experience = Expérience dans un métier voisin
fact-training = Formation en poste
fact-jobs = Nombre d’emplois
fact-outlook = Perspectives d’emploi
fact-openings = Postes à pourvoir chaque année
fact-hours = Heures par semaine
fact-regulated = Autorisation ou inscription
fact-percent = { $percent } %
fact-sources = Sources de ces données
also-called = Aussi appelé
occupation-codes = Codes de profession
salary-percentiles = Salaire par centile
salary-percentile = { $rank }e centile
education-none = Aucun diplôme
education-high-school = Baccalauréat ou équivalent
education-postsecondary-nondegree = Certificat postsecondaire
education-some-college = Études supérieures sans diplôme
education-associate = Diplôme de premier cycle court
education-bachelor = Licence
education-master = Master
education-doctoral = Doctorat ou diplôme professionnel

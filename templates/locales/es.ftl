# Etiquetas en español: cada palabra fija de los informes, las fichas y el
# índice de una exportación. Un archivo `locales/es.ftl` en una carpeta
# --templates reemplaza cualquiera de ellas una a una.

## El tipo de documento, el encabezado y el pie de página

kind-report = Perfil profesional
kind-handout = Ficha profesional
kind-index = Perfiles profesionales
fact-category = Categoría
fact-career-type = Tipo de profesión
fact-reviewed = Revisado
colophon-reviewed = revisado el { $date }
colophon-more = el perfil profesional completo amplía cada tema
running-handout = ficha profesional
page-of = Página { $page } de { $pages }
colon = { $label }:

## Partes de un informe

at-a-glance = De un vistazo
contents = Índice
sources = Fuentes
remote-work = Trabajo a distancia
misconception = Idea equivocada
reality = Realidad

## Salario

salary-average = Salario promedio
salary-average-short = Promedio
salary-by-stage = Salario por etapa profesional
salary-by-stage-short = Por etapa profesional
salary-stage = Etapa
salary-from = Desde
salary-to = Hasta
salary-range = de { $min } a { $max }
period-year = al año
period-month = al mes
period-hour = por hora
stage-entry = Inicial
stage-mid = Intermedia
stage-senior = Sénior

## Niveles de trabajo a distancia

remote-none = Nulo
remote-limited = Limitado
remote-moderate = Moderado
remote-high = Alto

## Encabezados propios de la ficha

handout-what-the-job-is = En qué consiste el trabajo
handout-top-skills = Habilidades principales

## El índice de una exportación

index-title = Todas las profesiones
index-count =
    { $count ->
        [one] { $count } profesión
       *[other] { $count } profesiones
    }
index-grouped = agrupadas por categoría y tipo de profesión
index-no-category = Otras profesiones
index-no-type = Otros tipos de profesión
index-opens = Cada título abre el informe de esa profesión.
languages-nav = Otros idiomas
index-career = Profesión
index-complete = Completado
index-percent = { $score } %
index-percent-complete = { $score } % completado
index-pay = Salario
index-pay-median = Mediana de { $amount } { $period }
index-pay-average = Promedio de { $amount } { $period }
index-sorted-by = ordenadas por { $column }, { $order }
index-order-pay = de mayor a menor
index-order-education = de menos a más estudios
index-order-outlook = de mayor a menor crecimiento
index-sort-all = Ordenar todas las carreras por
index-by-category = Ver por categoría
index-description = Perfiles profesionales: { index-count }; cada uno describe el trabajo, la formación, el salario, las perspectivas y cómo empezar.

## Comparaciones de dos a cuatro profesiones, y el cuadernillo de una exportación

kind-compare = Comparación de profesiones
compare-title = Comparación de { $count } profesiones
compare-description = { $careers }: salario, formación, capacitación, perspectivas, demanda, trabajo a distancia, habilidades, entorno de trabajo y un primer paso.
compare-not-described = sin describir
compare-currencies-differ = Monedas distintas ({ $currencies }): los importes no se convierten.
compare-periods-differ = Los salarios se refieren a periodos distintos ({ $periods }).
compare-untranslated = { $career } no tiene texto en { $language }: su columna está en { $shown }.
compare-first-step = Primer paso
kind-book = Cuadernillo de profesiones
book-title = Profesiones
book-description = { $title }: un cuadernillo de { index-count }; cada una describe el trabajo, la formación, el salario, las perspectivas y cómo empezar.

## Encabezados de sección, por la clave de la sección en `sections:`

section-overview = Descripción general
section-fun_facts = Datos curiosos
section-education = Requisitos de formación
section-responsibilities = Responsabilidades principales
section-salary = Rango salarial promedio
section-career_path = Trayectoria y progresión profesional
section-challenges = Principales retos
section-gaining_experience = Mejores formas de ganar experiencia
section-outlook = Perspectivas laborales
section-skills = Habilidades necesarias
section-demand = Demanda de la profesión
section-training = Formación y certificación
section-work_environment = Entorno de trabajo
section-industry_sectors = Sectores de actividad
section-employers = Principales empleadores
section-tools = Herramientas y tecnologías
section-related_careers = Profesiones relacionadas
section-internships = Oportunidades de prácticas
section-remote_work = Posibilidades de trabajo a distancia
section-specializations = Especializaciones
section-challenges_rewards = Retos y satisfacciones
section-getting_started = Cómo empezar
section-famous_people = Personalidades destacadas
section-global_opportunities = Oportunidades en el extranjero
section-misconceptions = Ideas equivocadas frecuentes

## Datos rápidos

quick-facts = Datos rápidos
fact-pay-median = Salario mediano
fact-pay-average = Salario promedio
fact-entry-education = Formación para empezar
fact-work-experience = Experiencia laboral en un empleo afín
fact-training = Formación en el trabajo
fact-jobs = Número de empleos
fact-outlook = Perspectivas laborales
fact-openings = Vacantes cada año
fact-hours = Horas por semana
fact-regulated = Licencia o registro
fact-percent = { $percent } %
fact-sources = Fuentes de estos datos
also-called = También llamado
occupation-codes = Códigos de ocupación
salary-percentiles = Salario por percentil
salary-percentile = percentil { $rank }
education-none = Sin título formal
education-high-school = Bachillerato o equivalente
education-postsecondary-nondegree = Certificado postsecundario
education-some-college = Estudios universitarios sin título
education-associate = Título de asociado
education-bachelor = Licenciatura
education-master = Maestría
education-doctoral = Doctorado o título profesional

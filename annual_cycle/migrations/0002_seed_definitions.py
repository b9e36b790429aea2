"""The fixed events of SPEC §1 (and §3.5, §5, §6) as data: the secretariat edits them on
/aarshjul/definitioner/ afterwards. A definition already there (by code) is left as it is."""

from django.db import migrations

R, O, B, P = "for_reporters", "for_operators", "for_body_members", "for_expert_panel"

# code, title, description, (start month, day), (due month, day), audience, link, target
DEFINITIONS = [
    ("borgerlister-januar", "Borgerlister med januardata",
     "Kommunerne indsender borgerlister med januardata til udgiftsanalysen (SPEC §4).",
     (1, 1), (1, 31), [R], "round", "citizen_list"),
    ("uge5-indstillingsskema", "Indstillingsskema for nye tilbud i det forstærkede samarbejde",
     "Skemaet til indstilling af nye tilbud sendes ud i uge 5; ekspertpanelet behandler det "
     "i april.", "week5", None, [R, O], "round", "nomination"),
    ("uge5-aarsrapport", "Skabelon til årsrapporter i det forstærkede samarbejde",
     "Skabelonen til tilbuddenes årsrapporter sendes ud i uge 5.",
     "week5", None, [O], "round", "annual_report"),
    ("udviklingsstrategi-das", "Udkast til udviklingsstrategi: DAS godkender, KKR drøfter",
     "DAS godkender udkastet til udviklingsstrategien, og KKR drøfter det.",
     (1, 1), (3, 31), [B], "meeting", "das"),
    ("takstindberetning", "Takstindberetning",
     "Takstindberetningen åbner i april og lukker i august.",
     (4, 1), (8, 31), [O], "round", "tariff_reporting"),
    ("ekspertpanel-aarsrapporter", "Ekspertpanelet behandler årsrapporter og indstillinger",
     "Ekspertpanelet skriver bemærkninger til årsrapporterne og behandler indstillinger af "
     "nye tilbud.", (4, 1), (4, 30), [P, O], "meeting", "ekspertpanelet"),
    ("das-aarsrapporter", "DAS drøfter årsrapporterne i det forstærkede samarbejde",
     "DAS drøfter årsrapporterne og ekspertpanelets bemærkninger.",
     (5, 1), (5, 31), [B, O], "meeting", "das"),
    ("udviklingsstrategi-godkendt", "Udviklingsstrategien politisk godkendt",
     "Frist for den politiske godkendelse af udviklingsstrategien.",
     (6, 1), (6, 1), [B, R], "none", ""),
    ("udviklingsbidrag-svar", "Svar til regionsrådet om udviklingsbidraget",
     "Hver kommune svarer regionsrådet skriftligt om udviklingsbidraget (SPEC §3.5).",
     (9, 10), (9, 10), [R], "none", ""),
    ("takstbilag", "Nyt takstbilag",
     "Det nye takstbilag for det kommende år udgives i oktober.",
     (10, 1), (10, 31), [R, O], "document", "tariffs.tariff_appendix"),
    ("tilbud-udtraeder", "DAS behandler tilbud, der udtræder af aftalen",
     "Tilbud, der forlader aftalen, behandles af DAS sammen med takstbilaget.",
     (10, 1), (10, 31), [B, O], "meeting", "das"),
    ("styringsaftale", "Styringsaftalen godkendt",
     "Frist for godkendelsen af styringsaftalen.",
     (10, 15), (10, 15), [B, R], "none", ""),
    ("behov-kapacitet", "Tilbagemelding på behov og efterspørgsel",
     "Skabelonen til kommunernes tilbagemelding på behov og kapacitet sendes ud; fristen er "
     "før årets udgang.", (11, 1), (12, 15), [R], "round", "demand_capacity"),
]


def seed(apps, schema_editor):
    CycleDefinition = apps.get_model("annual_cycle", "CycleDefinition")
    for position, row in enumerate(DEFINITIONS, start=1):
        code, title, description, starts, due, audience, link_kind, target = row
        week = starts == "week5"
        starts, due = ((1, 1), (1, 1)) if week else (starts, due)
        CycleDefinition.objects.get_or_create(
            code=code,
            defaults={
                "title": title,
                "description": description,
                "start_month": starts[0],
                "start_day": starts[1],
                "due_month": due[0],
                "due_day": due[1],
                "iso_week": 5 if week else None,
                "link_kind": link_kind,
                "link_target": target,
                "position": position * 10,
                **dict.fromkeys(audience, True),
            },
        )


def unseed(apps, schema_editor):
    CycleDefinition = apps.get_model("annual_cycle", "CycleDefinition")
    CycleDefinition.objects.filter(code__in=[row[0] for row in DEFINITIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("annual_cycle", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]

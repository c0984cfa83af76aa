"""The words synthetic items are made of."""

ROUTINES_PER_EXERCISE = 1 / 5
CONDITIONS_PER_EXERCISE = 1 / 50
ITEMS_PER_ROUTINE = (5, 10)
DOCTOR_FIRST = "back-pain-without-doctor"  # the article's rule every routine for a condition carries
LYING = ("prone", "supine")  # positions the pregnancy check asks a note for

_VARIANTS = [
    "slow tempo",
    "with a pause",
    "short range",
    "on a soft mat",
    "gentle",
    "morning",
    "evening",
    "with a towel",
    "assisted",
    "wide stance",
    "narrow stance",
    "small steps",
    "long hold",
    "beginner",
    "step two",
    "step three",
    "at the wall",
    "with support",
    "half range",
    "easy",
]
_FOCUS = [
    "the lower back",
    "the deep belly muscles",
    "the buttocks",
    "the hips",
    "posture",
    "flexibility",
    "a stiff back",
    "the morning",
    "desk workers",
    "after walking",
    "before sleep",
    "gentle strength",
]
_WHO = [
    "Beginners with a stiff lower back.",
    "People who sit most of the day.",
    "Anyone whose doctor has cleared them for gentle exercise.",
    "People recovering from a flare-up.",
    "Older adults who want to keep moving.",
    "People with mild, recurring lower back pain.",
]
_ADVICE = [
    "Do not push through pain.",
    "Warm up for a few minutes first.",
    "Move slowly and breathe evenly.",
    "Rest for a minute between exercises.",
    "Stop and rest if anything hurts.",
    "Do the routine on a firm, even surface.",
]
_CONDITIONS = [
    "Low back pain",
    "Sciatica",
    "Herniated disc",
    "Disc bulge",
    "Osteochondrosis",
    "Lumbar stenosis",
    "Spondylolisthesis",
    "Pregnancy back pain",
    "Stiff back",
    "Muscle spasm",
    "Pinched nerve",
    "Sacroiliac pain",
    "Facet joint pain",
    "Scoliosis",
    "Flat back",
]
_GOALS = ["Flexibility", "Posture", "Core strength", "Mobility", "Balance", "Endurance"]
_SYNONYMS = [
    "Lumbago",
    "Backache",
    "Sore back",
    "Lumbar pain",
    "LBP",
    "Bad back",
    "Back strain",
    "Slipped disc",
    "Nerve pain",
    "Tight back",
    "Lumbar syndrome",
    "Back trouble",
]
_WHY = [
    "It loads the lower back when it is already sore.",
    "It may press on the irritated nerve.",
    "It bends the spine further than is comfortable for many people with it.",
    "Do it only a little way, and stop if it hurts.",
    "Keep the range small at first.",
]

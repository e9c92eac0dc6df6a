//! The commented file `winddown routine new NAME` writes when not copying a routine.

/// A small valid routine that explains every key it uses.
pub fn starter_text(id: &str) -> String {
    STARTER.replace("{id}", id)
}

const STARTER: &str = r#"# {id} — my own bedtime routine.
# Check it with: winddown routine check <this file>
# Run it with:   winddown run {id}

format = 1                      # routine format version
name = "{id}"                   # the title shown in the app
summary = "Calf stretch and a glass of water"   # one line for lists
# description = """A longer text, shown by `winddown routine show`."""

# Pauses used by every timed step unless the step sets its own ("0s" = none).
[defaults]
get_ready = "5s"                # countdown before a step's first hold
switch = "5s"                   # pause while changing legs
rest = "10s"                    # pause between reps

[cues]
halfway = false                 # cue when a hold is half done
last_ticks = true               # tick in the last three seconds of a hold
spoken_count = false            # say "3", "2", "1" instead of ticking

# A timed step: hold the stretch for `hold`, on each side in turn, `reps` times.
[[step]]
title = "Wall calf stretch"
hold = "30s"                    # "30s", "1m 30s", "90s"; at most 10m
sides = ["left", "right"]       # leave out for a stretch without sides
reps = 1                        # 1 to 20, with `rest` between
art = "wall-calf"               # optional picture from assets/
how = "Hands on the wall, one foot back, knee straight, heel down; lean in."
why = "Tight calves are where most night cramps start."
# optional = true               # skipping it would still count the night as done
# say = "Calf stretch, left leg first"   # spoken instead of the title

# A check step: something to do and confirm with Enter.
[[step]]
kind = "check"
title = "Drink a glass of water"
how = "Unless a doctor has told you to limit fluids."
why = "Being short of fluid is a common trigger."
"#;

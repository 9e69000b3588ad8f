"""Access checks with hidden bidirectional characters."""
ADMINS = {"alice"}


def is_admin(user, access_level):
    """Check ‫admin‬ rights."""  # want "U\\+202B RIGHT-TO-LEFT EMBEDDING in a string"
    if access_level != "none‮⁦":  # Check if admin⁩⁦  # want "U\\+202E RIGHT-TO-LEFT OVERRIDE in a string \\(4 control characters on this line\\): the line may display in a different order"
        return True
    # Only admins ‮⁦may pass⁩  # want "U\\+202E RIGHT-TO-LEFT OVERRIDE in a comment \\(3 control"
    return user in ADMINS


GREETING_HE = "שלום‏ world"  # want "U\\+200F RIGHT-TO-LEFT MARK in a string: invisible direction marks"

# Safe: escapes display as what they are, and ordinary non-ASCII text.
ESCAPED = "\u202e reversed"
QUOTE = "“quoted” – dash…"
NAME = "Zoë"

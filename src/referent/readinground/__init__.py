"""The reading round: a reading copy comes back from Word with tracked changes and comments.

``document`` reads a returned copy (its record, its items' parts with every tracked change,
its comments, what was ignored); ``changes`` turns that into proposed corrections (tracked,
or found by comparing with the text as it was sent) and applies an accepted one to the text
as it is now; ``bringing`` keeps them with the meeting in the store. No UI here.
"""

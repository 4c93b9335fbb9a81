"""Official documents in Indonesian (naskah dinas): letterhead, letter numbers, dates in words,
identity and signature blocks, page numbers and a verification code with its QR code.

One module per family: bap (examination records), tpp (hearing minutes), decisions (warning,
summons, temporary revocation), letters (proposal, forwarding, the letter to APH)."""

def refund(total, rate):
    # FIXME: refunds above 10k are rounded twice  # ruleid: unwritten-rules/fixme-comment
    amount = round(round(total, 2) * rate, 2)
    return amount  # HACK: the gateway wants cents as float  # ruleid: unwritten-rules/fixme-comment


def notes():
    # TODO: support partial refunds  # ok: unwritten-rules/fixme-comment
    text = "FIXME inside a string is not a comment"  # ok: unwritten-rules/fixme-comment
    # fixme in lower case is prose  # ok: unwritten-rules/fixme-comment
    # XXXL is a t-shirt size  # ok: unwritten-rules/fixme-comment
    return text  # XXX: remove after the migration  # ruleid: unwritten-rules/fixme-comment

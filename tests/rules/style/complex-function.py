def eleven(order, lines, user):  # ruleid: style/complex-function
    if order.paid:  # 2
        for line in lines:  # 3
            if line.stock < line.quantity:  # 4
                continue
            elif line.backorder:  # 5
                pass
    elif order.cancelled:  # 6
        while lines:  # 7
            lines.pop()
    try:
        user.notify(order)
    except ValueError:  # 8
        pass
    except KeyError:  # 9
        pass
    else:  # 10
        pass
    match order.kind:
        case "gift":  # 11
            pass
        case _:  # the catch-all adds nothing
            pass
    return order


def ten(order, lines, user):  # ok: style/complex-function
    if order.paid:  # 2
        for line in lines:  # 3
            if line.stock < line.quantity:  # 4
                continue
            elif line.backorder:  # 5
                pass
    elif order.cancelled:  # 6
        while lines:  # 7
            lines.pop()
    else:  # an else adds nothing
        pass
    try:
        user.notify(order)
    except ValueError:  # 8
        pass
    finally:  # a finally adds nothing
        pass
    with open(order.path) as f:  # a with adds nothing
        if f:  # 9
            pass
    ok = order.a and order.b or order.c  # boolean operators add nothing
    ok = [x for x in lines if x]  # comprehensions add nothing
    ok = 1 if ok else 2  # conditional expressions add nothing
    for x in lines:  # 10
        pass
    else:
        pass
    return ok


def outer(items):  # ruleid: style/complex-function
    # 1 + the nested def (1) + its 9 decisions = 11; the nested def itself has 10.
    def inner(item):  # ok: style/complex-function
        if item.a:
            pass
        if item.b:
            pass
        if item.c:
            pass
        if item.d:
            pass
        if item.e:
            pass
        if item.f:
            pass
        if item.g:
            pass
        if item.h:
            pass
        if item.i:
            pass
        return item

    return [inner(i) for i in items]

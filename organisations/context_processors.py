from .access import roles_for


def roles(request):
    return {"roles": roles_for(request.user)}

/**
 * A user's permission on the repository (rule collaborator-permission): `permission` is one of
 * admin, write, read, none ("maintain" reads as write and "triage" as read there, the exact role
 * is `role_name`); someone who is not a collaborator has none on this (private) repository.
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
import type { Handler } from '../context.js'
import { user } from '../representations/common.js'
import type { CollaboratorRole } from '../state.js'

const PERMISSION_OF: Record<CollaboratorRole, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read'
}

export const getCollaboratorPermission: Handler = (ctx, req) => {
  const login = String(req.params.username)
  const role = ctx.state.roleOf(login)
  return {
    status: 200,
    body: {
      permission: role ? PERMISSION_OF[role] : 'none',
      role_name: role ?? 'none',
      user: { ...user(ctx, login), role_name: role ?? 'none' }
    },
    rule: 'collaborator-permission'
  }
}

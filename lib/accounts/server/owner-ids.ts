/** How owners are named in the database: an account's `user:<id>`, a guest's `guest:<id>` (guest-identity.ts). */
export function userOwnerId(userId: string): string {
  return `user:${userId}`;
}

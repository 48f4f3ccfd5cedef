// The shapes of user-given values that the CLI flags and the action inputs share.

/** `HOST[:PORT]`: a DNS name or bracketed IPv6 address, no scheme or path. */
export const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?$/;

/** A KOTS application slug: lowercase letters, digits and inner dashes. */
export const APP_SLUG = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

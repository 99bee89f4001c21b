-- A MESH mailbox belongs to one organisation; MESH mailbox ids compare case-insensitively.
DROP INDEX IF EXISTS organisation_mesh_mailbox_idx;
CREATE UNIQUE INDEX organisation_mesh_mailbox_uq ON organisation (upper(mesh_mailbox_id)) WHERE mesh_mailbox_id IS NOT NULL;

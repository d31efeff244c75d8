CREATE UNIQUE INDEX CONCURRENTLY ux_member_email ON member (email);

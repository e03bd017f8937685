-- The second factor of an account (R5.11): the secret of its authenticator app, once confirmed.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;

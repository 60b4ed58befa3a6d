-- Logins whose password is being checked, per client address, counted apart from the failures (modules/auth/
-- login-throttle.ts). Counting them as failures until found right refused right logins when several people behind
-- one address logged in at once.
ALTER TABLE login_address_failures ADD COLUMN in_flight integer NOT NULL DEFAULT 0;

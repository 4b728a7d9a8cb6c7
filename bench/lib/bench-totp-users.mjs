// Accounts with an authenticator app for the id-sign-in-totp cases, written into the CMS by its
// own process (see cms-server.mjs) before it listens.

/** @param {number} index */
export const benchTotpEmail = (index) => `totp-${index}@bench.vixenhealth.local`;

/**
 * `count` confirmed accounts with the demo users' password and a confirmed TOTP app whose
 * secret is `secret` (base32; the scenario plays the app). One account signs in once per
 * 30-second step (a code is accepted once), so a run at ~40 sign-ins/s needs thousands.
 * The password is hashed once (Argon2id) and the hash reused: hashing each would take minutes.
 * @param {import('@strapi/strapi').Core.Strapi} strapi
 * @param {number} count
 * @param {string} secret
 * @param {string} password
 */
export const seedBenchTotpUsers = async (strapi, count, secret, password) => {
  if (count <= 0) return;
  const sso = strapi.plugin('sso');
  const first = await sso.service('accounts').register(benchTotpEmail(0), password);
  await sso.service('accounts').confirmEmail(first.id, benchTotpEmail(0));
  const { passwordHash } = await strapi.db
    .query('plugin::sso.credential')
    .findOne({ where: { user: first.id } });
  const sealed = sso.service('sealed-box').seal(secret);
  const now = new Date();
  await strapi.db.transaction(async () => {
    for (let index = 0; index < count; index += 1) {
      const email = benchTotpEmail(index);
      const user =
        index === 0
          ? first
          : await strapi.documents('plugin::users-permissions.user').create({
              data: {
                username: email,
                email,
                provider: 'vixenhealth-id',
                confirmed: true,
                blocked: false,
                role: first.role?.id,
              },
            });
      if (index > 0) {
        await strapi.db
          .query('plugin::sso.credential')
          .create({ data: { user: user.id, passwordHash, passwordChangedAt: now } });
      }
      await strapi.db.query('plugin::sso.second-factor').create({
        data: { user: user.id, kind: 'totp', secret: sealed, label: 'app', confirmedAt: now },
      });
    }
  });
};

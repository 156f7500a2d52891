// A real OpenID provider on loopback for the single sign-on tests (tests/web/test_oidc.py).
//
// node tests/js/oidc_provider.mjs --port N --accounts FILE --redirect-uri URL \
//      [--client-id ID] [--client-secret SECRET]
//
// oidc-provider (a certified implementation) with one confidential client registered for the
// given callback (authorization code flow, PKCE required, client_secret_post), a fresh RS256
// signing key per run, and a static account store read from FILE on every lookup, so a test can
// take a role away between two logins: {"<sub>": {"email": ..., "organisation": ..., "roles": [...]}}.
// The login page is a small form (login = the account's sub, password = its "password" in FILE);
// consent is given at once. Prints "ready <issuer>" when
// it listens. Test use only: never point a real server at it.
import { readFileSync } from 'node:fs';
import process from 'node:process';

import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1 || at + 1 >= process.argv.length) {
    if (fallback === undefined) {
      process.stderr.write(`Error: oidc_provider.mjs: --${name} is missing. Give --${name} VALUE.\n`);
      process.exit(2);
    }
    return fallback;
  }
  return process.argv[at + 1];
}

const port = Number(option('port'));
const accountsFile = option('accounts');
const redirectUri = option('redirect-uri');
const clientId = option('client-id', 'pbd-test');
const clientSecret = option('client-secret', 'pbd-test-secret-not-for-production');
const issuer = `http://127.0.0.1:${port}`;

function accounts() {
  return JSON.parse(readFileSync(accountsFile, 'utf8'));
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'pbd-test-rs256', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [signingKey] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    pbd: ['organisation', 'roles'],
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['pbd-test-cookie-key-not-secret'] },
  async findAccount(_ctx, sub) {
    const account = accounts()[sub];
    if (!account) {
      return undefined;
    }
    const { password: _password, ...claims } = account;
    return { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
  renderError(ctx, out) {
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `${out.error}: ${out.error_description ?? ''}\n`;
  },
});
provider.proxy = false;

// The login and consent pages: a form checking the account store's password, and consent given at once
// (the municipality's provider has the user's consent for its own applications).
function page(uid, message) {
  const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><h1>Test provider</h1>${message ? `<p role="alert">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label>Login <input name="login" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16384) throw new errors.InvalidRequest('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function consent(ctx, details) {
  const { prompt, params, session, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const result = { consent: { grantId: await grant.save() } };
  return finish(ctx, await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true }));
}

function finish(ctx, returnTo) {
  ctx.status = 303;
  ctx.redirect(returnTo);
  return undefined;
}

provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name === 'consent') return consent(ctx, details);
  if (ctx.method === 'GET') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(details.uid, '');
    return undefined;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return undefined;
  }
  const form = await readForm(ctx.req);
  const login = form.get('login') ?? '';
  const account = accounts()[login];
  if (!account || account.password !== form.get('password')) {
    ctx.status = 401;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(details.uid, 'Unknown login or wrong password.');
    return undefined;
  }
  const result = { login: { accountId: login } };
  return finish(ctx, await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
});

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

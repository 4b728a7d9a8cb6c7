import { access, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folders of static deploys. Each build goes into a release folder of its own; `current`
 * is a symbolic link to the live one, replaced by rename(2), which is atomic: a visitor gets
 * the old site or the new one, never a mix, and a failed build never touches what is live.
 *
 *   <dir>/sites/<subdomain>/releases/<release>/…
 *   <dir>/sites/<subdomain>/current -> releases/<release>
 *   <dir>/domains/<verified own domain> -> ../sites/<subdomain>
 */
export const deployFolders = (dir: string, subdomain: string) => {
  const site = path.join(dir, 'sites', subdomain);
  const releases = path.join(site, 'releases');
  const current = path.join(site, 'current');

  const liveRelease = async () => {
    try {
      return path.basename(await readlink(current));
    } catch {
      return null;
    }
  };

  /** Points `link` at `target` atomically, whatever it pointed at before. */
  const relink = async (link: string, target: string) => {
    const temporary = `${link}.${process.pid}.${Date.now()}.tmp`;
    await symlink(target, temporary);
    await rename(temporary, link);
  };

  const domains = path.join(dir, 'domains');
  const siteLink = path.join('..', 'sites', subdomain);

  /** Removes the links of domains the clinic no longer has, all but `keep`. */
  const unlinkDomains = async (keep: string | null) => {
    for (const name of await readdir(domains).catch(() => [] as string[])) {
      if (name === keep) continue;
      const target = await readlink(path.join(domains, name)).catch(() => null);
      if (target === siteLink) await rm(path.join(domains, name), { force: true });
    }
  };

  return {
    /** True when a release is live: `current` leads to a folder that is there. */
    hasLiveSite: () =>
      access(current).then(
        () => true,
        () => false
      ),

    async prepare(release: string) {
      await mkdir(releases, { recursive: true });
      return path.join(releases, release);
    },

    /** Makes `release` the live site, and the clinic's verified own domain (if any) serve it. */
    async switchTo(release: string, verifiedDomain: string | null) {
      await relink(current, path.join('releases', release));
      await mkdir(domains, { recursive: true });
      await unlinkDomains(verifiedDomain);
      if (verifiedDomain) await relink(path.join(domains, verifiedDomain), siteLink);
    },

    /** Takes the site down: nothing is served for the clinic until its next deploy. */
    async takeDown() {
      await rm(current, { force: true });
      await unlinkDomains(null);
    },

    /** Removes a release that never went live. */
    async discard(release: string) {
      await rm(path.join(releases, release), { recursive: true, force: true });
    },

    /** Keeps the live release and the `keep` newest others; releases sort by their names. */
    async prune(keep: number) {
      const live = await liveRelease();
      const names = (await readdir(releases).catch(() => [] as string[])).sort().reverse();
      const old = names.filter((name) => name !== live).slice(keep);
      await Promise.all(
        old.map((name) => rm(path.join(releases, name), { recursive: true, force: true }))
      );
    },
  };
};

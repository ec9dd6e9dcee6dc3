import { normalizeName } from "../customers/normalize.js";
import { DomainError } from "../errors.js";
import type { Member } from "../members/member.types.js";
import type { ReasonRepository } from "./reason.repository.js";
import { MAX_REASONS, type ReasonCategory } from "./reason.types.js";
import { categoryFromTags, suggestCategory, trailingTags } from "./reason-match.js";

// Complaint reason categories: admins keep the list (add, rename, retire); everyone picks from the
// categories still in use. A category is found by any of its names: the one an admin gave it, or a
// default's name in any language Rapport speaks.

const CACHE_MS = 10_000;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} &'’.,/-]{0,39}$/u;

export interface ReasonDeps {
  reasons: ReasonRepository;
  ensureAdmin: (member: Member) => Promise<boolean>;
  /** A default's name in every language (to find it by what anyone types). */
  defaultNames: (key: string) => string[];
  now: () => Date;
}

export function createReasonService(deps: ReasonDeps) {
  const adminOnly = async (actor: Member) => {
    if (!(await deps.ensureAdmin(actor))) throw new DomainError("reasonAdminsOnly");
  };
  const namesOf = (c: ReasonCategory) => (c.name ? [c.name] : c.key ? deps.defaultNames(c.key) : []);
  const find = (all: ReasonCategory[], typed: string) => {
    const wanted = normalizeName(typed);
    return all.find((c) => namesOf(c).some((n) => normalizeName(n) === wanted));
  };
  const validName = (name: string) => {
    const trimmed = name.trim();
    if (!NAME.test(trimmed)) throw new DomainError("reasonName");
    return trimmed;
  };

  // Every complaint logged reads the list (its tag, its card): it is kept for a few seconds. A change
  // made here is seen at once; one made on another instance within CACHE_MS.
  const cache = new Map<string, { until: number; categories: Promise<ReasonCategory[]> }>();
  const fresh = (workspaceId: string) => {
    const now = deps.now().getTime();
    const hit = cache.get(workspaceId);
    if (hit && hit.until > now) return hit.categories;
    const categories = deps.reasons.list(workspaceId);
    cache.set(workspaceId, { until: now + CACHE_MS, categories });
    categories.catch(() => cache.delete(workspaceId));
    if (cache.size > 1_000) cache.delete(cache.keys().next().value ?? "");
    return categories;
  };
  const changed = (workspaceId: string) => cache.delete(workspaceId);

  /** The id of one of the workspace's categories still in use, read afresh (not from the cache). */
  async function offered(workspaceId: string, id: string): Promise<string> {
    const category = (await deps.reasons.list(workspaceId)).find((c) => c.id === id && !c.retired);
    if (!category) throw new DomainError("reasonNotOffered");
    return category.id;
  }

  /** The categories in use (retired ones too with `all`), oldest first. */
  async function list(workspaceId: string, all = false): Promise<ReasonCategory[]> {
    const categories = await fresh(workspaceId);
    return all ? categories : categories.filter((c) => !c.retired);
  }

  return {
    list,
    async add(actor: Member, name: string): Promise<ReasonCategory> {
      await adminOnly(actor);
      const trimmed = validName(name);
      const categories = await deps.reasons.list(actor.workspaceId);
      if (find(categories, trimmed)) throw new DomainError("reasonExists", { name: trimmed });
      if (categories.filter((c) => !c.retired).length >= MAX_REASONS)
        throw new DomainError("reasonTooMany", { max: MAX_REASONS });
      changed(actor.workspaceId);
      return deps.reasons.add(actor.workspaceId, actor.id, trimmed).finally(() => changed(actor.workspaceId));
    },
    async rename(actor: Member, from: string, to: string): Promise<void> {
      await adminOnly(actor);
      const categories = await deps.reasons.list(actor.workspaceId);
      const category = find(categories, from);
      if (!category) throw new DomainError("reasonUnknown", { name: from.trim() });
      const trimmed = validName(to);
      const clash = find(categories, trimmed);
      if (clash && clash.id !== category.id) throw new DomainError("reasonExists", { name: trimmed });
      await deps.reasons
        .rename(actor.workspaceId, actor.id, category.id, trimmed)
        .finally(() => changed(actor.workspaceId));
    },
    /** Not offered any more; complaints filed under it keep it, and reports still name it. */
    async retire(actor: Member, name: string): Promise<void> {
      await adminOnly(actor);
      const category = find(await deps.reasons.list(actor.workspaceId), name);
      if (!category) throw new DomainError("reasonUnknown", { name: name.trim() });
      await deps.reasons
        .retire(actor.workspaceId, actor.id, category.id, deps.now())
        .finally(() => changed(actor.workspaceId));
    },
    /** The names a category goes by (an admin's, or a default's in every language). */
    namesOf,
    /** The category a tag at the end of a one-line summary names (and the summary without it). */
    async fromTags(workspaceId: string, summary: string) {
      // Most lines end in no tag: nothing to read then.
      if (trailingTags(summary).length === 0) return undefined;
      return categoryFromTags(summary, await list(workspaceId), namesOf);
    },
    /** The category the summary's words point to, shown as a suggestion (never filed unasked). */
    suggest: (categories: ReasonCategory[], summary: string) => suggestCategory(summary, categories),
    /**
     * A category chosen in a form: one of the workspace's in use, or the one the complaint already
     * has (retired since, kept when unchanged).
     */
    async check(workspaceId: string, id: string | null, current: string | null = null): Promise<string | null> {
      if (id === null || id === current) return id;
      return offered(workspaceId, id);
    },
    /** Files a complaint under one of the workspace's categories in use. */
    async setForInteraction(workspaceId: string, interactionId: string, categoryId: string): Promise<void> {
      await deps.reasons.setForInteraction(workspaceId, interactionId, await offered(workspaceId, categoryId));
    },
  };
}

export type ReasonService = ReturnType<typeof createReasonService>;

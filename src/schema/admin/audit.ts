/** The audit trail, newest first, for staff allowed to read it. */
import type { Prisma } from '../../generated/sqlite/client.js';
import { builder, staffWith } from '../builder.js';
import { loadPage, pageType } from './page.js';
import { AuditEventType } from './types.js';

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    userId: t.id({ description: 'Events about this account.' }),
    actorId: t.id({ description: 'Events done by this account.' }),
    type: t.string({ description: 'Exact type, or a prefix ending in a dot (e.g. `admin.`).' }),
    from: t.field({ type: 'DateTime', description: 'At or after.' }),
    to: t.field({ type: 'DateTime', description: 'Strictly before.' }),
  }),
});

const AuditEventPage = pageType('AuditEventPage', AuditEventType);

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventPage,
    description: 'Audit events matching the filter, newest first.',
    authScopes: staffWith('audit.view_auditevent'),
    args: { filter: t.arg({ type: AuditEventFilter }), first: t.arg.int({ description: 'Page size, 1 to 100. @default 50' }), after: t.arg.string() },
    resolve: (_root, args, context, info) => {
      const f = args.filter;
      const where: Prisma.AuditEventWhereInput = {
        ...(f?.userId ? { userId: f.userId } : {}),
        ...(f?.actorId ? { actorId: f.actorId } : {}),
        ...(f?.type ? { type: f.type.endsWith('.') ? { startsWith: f.type } : f.type } : {}),
        ...(f?.from || f?.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      };
      return loadPage(
        context,
        info,
        args,
        { field: 'createdAt', direction: 'desc' },
        {
          findMany: (query, planned, bound) =>
            context.deps.prisma.auditEvent.findMany({ ...planned, ...query, where: bound ? { AND: [where, bound] } : where }),
          orderValue: async (id) => {
            const row = await context.deps.prisma.auditEvent.findUnique({ where: { id }, select: { createdAt: true } });
            return row && { value: row.createdAt };
          },
          count: () => context.deps.prisma.auditEvent.count({ where }),
        },
      );
    },
  }),
);

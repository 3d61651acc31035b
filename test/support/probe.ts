import { Router } from 'express';
import mongoose, { Schema } from 'mongoose';
import { z } from 'zod';
import { NotFoundError } from '../../src/shared/errors.js';
import { email, LIMITS, requiredText, text } from '../../src/shared/limits.js';
import { parse } from '../../src/shared/validate.js';

/**
 * A tiny module mounted only in tests: it goes through the same pipeline as every real
 * module (parsers, CSRF, strict schemas, the database, the error handler), so the platform's
 * rules are tested before feature modules rely on them.
 */
const probeSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: LIMITS.name },
    title: { type: String, maxlength: LIMITS.title },
    notes: { type: String, maxlength: LIMITS.note },
    email: { type: String, maxlength: LIMITS.email, unique: true, sparse: true },
  },
  { timestamps: true },
);

type ProbeFields = mongoose.InferSchemaType<typeof probeSchema>;

export const ProbeRecord: mongoose.Model<ProbeFields> =
  (mongoose.models['ProbeRecord'] as mongoose.Model<ProbeFields> | undefined) ??
  mongoose.model('ProbeRecord', probeSchema);

const createInput = z.strictObject({
  name: requiredText('name'),
  title: text('title').optional(),
  notes: text('note').optional(),
  email: email().optional(),
});

const searchInput = z.strictObject({ name: text('name') });

export function probeRouter(): Router {
  const router = Router();

  router.get('/probe/form', (_req, res) => {
    const token = (res.locals['csrfToken'] as () => string)();
    res
      .type('html')
      .send(
        `<form method="post" action="/probe/records"><input type="hidden" name="_csrf" value="${token}">` +
          `<input name="name"><button>Save</button></form>`,
      );
  });

  router.post('/probe/records', async (req, res) => {
    const input = parse(createInput, req.body);
    const record = await ProbeRecord.create(input);
    if (req.is('application/json')) res.status(201).json({ id: record.id, ...input });
    else res.redirect(303, `/probe/records/${record.id}`);
  });

  router.get('/probe/records/:id', async (req, res) => {
    const record = await ProbeRecord.findById(req.params.id).lean();
    if (!record) throw new NotFoundError();
    res.json({ id: String(record._id), name: record.name, title: record.title });
  });

  router.post('/probe/search', async (req, res) => {
    const { name } = parse(searchInput, req.body);
    const found = await ProbeRecord.find({ name }).lean();
    res.json({ count: found.length });
  });

  router.get('/probe/slow', async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, Number(req.query['ms'] ?? 500)));
    res.json({ finished: true });
  });

  router.get('/probe/boom', () => {
    throw new Error('secret internal detail');
  });

  return router;
}

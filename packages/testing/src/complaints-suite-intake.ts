import { A, type ComplaintSuiteRegister, collect } from './complaints-suite-fixtures';
import { expect } from './runner';

/** Intake: minutes of oral complaints, from the customer record; refusals that store nothing. */
export function complaintIntakeTests(test: ComplaintSuiteRegister): void {
  test(
    'intake',
    'takes in complaints; an oral one gets its minutes at once',
    async ({ raw, complaints, receive }) => {
      const phone = await receive({
        channel: 'phone',
        place: 'Telefonos ügyfélszolgálat',
        agentName: 'Nagy Anna',
        position: 'A hibát a hálózatüzemeltetés vizsgálja.',
        evidence: [{ ref: 'doc:photo-1', sha256: 'a'.repeat(64), description: 'Router fényképe' }],
      });
      const c = await complaints.getComplaint({ actor: A.officer, id: phone });
      expect(c.status).toBe('received');
      // the end of 1 April 2026 in Budapest: 30 calendar days in the office's zone
      expect(c.answerDueAt.toISOString()).toBe('2026-04-01T21:59:59.999Z');
      expect(c.policyId).toBe('hu.consumer');
      const minutes = c.letters.find((l) => l.kind === 'minutes');
      expect(minutes?.body).toContain('Jegyzőkönyv szóbeli panaszról');
      expect(minutes?.body).toContain('Kiss Anna');
      expect(minutes?.body).toContain('1051 Budapest, Nádor u. 5.');
      expect(minutes?.body).toContain('telefonon');
      expect(minutes?.body).toContain(`egyedi azonosítója: ${c.reference}`);
      expect(minutes?.body).toContain('a'.repeat(64));
      expect(minutes?.body).toContain('A hibát a hálózatüzemeltetés vizsgálja.');
      expect(minutes?.body).not.toContain('A fogyasztó aláírása');
      const web = await receive();
      expect((await complaints.getComplaint({ actor: A.agent, id: web })).letters).toEqual([]);
      const audit = await collect(raw.audit.read({ entityType: 'complaint', entityId: phone }));
      expect(audit.map((e) => e.type)).toEqual(['complaint.received.v1', 'complaint.minutes_recorded.v1']);
    },
  );

  test(
    'intake-refusals',
    'refuses an unknown customer, a missing permission, bad input and letters with missing data, storing nothing',
    async ({ complaints, receive, refused }) => {
      const missing = await refused(() => receive({ customerId: 'nobody' }), 'NOT_FOUND');
      expect(missing.details).toMatchObject({ entity: 'customer', id: 'nobody' });
      await refused(() => receive({ actor: A.outsider }), 'FORBIDDEN');
      const bad = await refused(() => receive({ evidence: [{ ref: 'doc:1', sha256: 'xyz' }] }), 'VALIDATION');
      expect(JSON.stringify(bad.details)).toContain('sha256');
      await refused(() => receive({ facts: { outageHours: -3 } }), 'VALIDATION');
      // the minutes of an oral complaint need the consumer's address, which only the customer record gives
      const letter = await refused(
        () => receive({ customerId: 'cust-3', channel: 'in_person', place: 'Ügyfélszolgálati iroda' }),
        'VALIDATION',
      );
      expect(letter.details).toMatchObject({ missing: 'consumer.address' });
      expect(JSON.stringify(letter.details)).toContain('customerId');
      await refused(() => receive({ interactionIds: ['no-such-contact'] }), 'NOT_FOUND');
      // name and address are not inputs: they come from the customer record
      await refused(() => receive({ consumer: { name: 'Kiss Anna' } as never }), 'VALIDATION');
      // an answer without a postal address (sent by e-mail) is written without one
      const id = await receive({ customerId: 'cust-3' });
      await complaints.startInvestigation({ actor: A.agent, complaintId: id });
      await complaints.decideComplaint({
        actor: A.agent,
        complaintId: id,
        outcome: 'upheld',
        reasons: 'r',
        ruleSetId: 'standard',
      });
      const answered = await complaints.sendAnswer({
        actor: A.agent,
        complaintId: id,
        agentName: 'N',
        agentTitle: 'T',
        nextSteps: 'x',
      });
      expect(answered.complaint.letters.at(-1)?.body).toContain('Nagy Béla');
      expect(answered.complaint.letters.at(-1)?.body).not.toContain('undefined');
      await complaints.acceptAnswer({ actor: A.agent, complaintId: id });
      expect((await complaints.getComplaint({ actor: A.agent, id })).status).toBe('accepted');
    },
  );

  test(
    'minutes-from-customer-record',
    'writes the minutes with the consumer from the customer record, recorded now, apart from when the complaint was lodged',
    async ({ clock, complaints, receive }) => {
      const id = await receive({
        channel: 'phone',
        place: 'Telefonos ügyfélszolgálat',
        agentName: 'Nagy Anna',
        receivedAt: '2026-03-02T07:30:00Z', // lodged half an hour before the minutes were made
      });
      const c = await complaints.getComplaint({ actor: A.officer, id });
      expect(c.consumer).toEqual({
        name: 'Kiss Anna',
        address: { postalCode: '1051', city: 'Budapest', street: 'Nádor u. 5.' },
        county: 'budapest',
        board: 'domicile',
      });
      const minutes = c.letters.find((l) => l.kind === 'minutes');
      expect(minutes?.at).toEqual(clock.now());
      expect(minutes?.body).toContain('A panasz előterjesztésének ideje: 2026. március 2. 8:30');
      expect(minutes?.body).toContain(
        'A jegyzőkönyv felvételének helye és ideje: Telefonos ügyfélszolgálat, 2026. március 2. 9:00',
      );
      const pecs = await complaints.getComplaint({
        actor: A.agent,
        id: await receive({ customerId: 'cust-4' }),
      });
      expect(pecs.consumer).toMatchObject({ name: 'Tóth Péter', county: 'baranya' });
    },
  );

  test(
    'negative-dispute',
    'refuses a negative amount in dispute with a validation error, storing nothing',
    async ({ receive, refused }) => {
      const error = await refused(
        () => receive({ category: 'billing', amountInDispute: { amount: -100, currency: 'HUF' } }),
        'VALIDATION',
      );
      expect(JSON.stringify(error.details)).toContain('amountInDispute');
    },
  );

  test(
    'boards-by-county',
    "names the board of the consumer's county, or of the trader's seat when chosen; an unknown county is a typed error",
    async ({ complaints, receive, toInvestigation, refused }) => {
      const reject = async (id: string) => {
        await toInvestigation(id);
        await complaints.decideComplaint({
          actor: A.agent,
          complaintId: id,
          outcome: 'rejected',
          reasons: 'A számla helyes.',
          ruleSetId: 'standard',
        });
        return () =>
          complaints.sendAnswer({
            actor: A.agent,
            complaintId: id,
            agentName: 'N',
            agentTitle: 'T',
            nextSteps: 'x',
          });
      };
      const baranya = await (await reject(await receive({ customerId: 'cust-4' })))();
      expect(baranya.complaint.letters.at(-1)?.body).toContain('Baranya Vármegyei Békéltető Testület');
      const seat = await (
        await reject(await receive({ customerId: 'cust-4', consumer: { board: 'trader_seat' } }))
      )();
      expect(seat.complaint.letters.at(-1)?.body).toContain('Budapesti Békéltető Testület');
      const unknown = await reject(await receive({ consumer: { county: 'atlantis' } }));
      const notFound = await refused(unknown, 'NOT_FOUND');
      expect(notFound.details).toMatchObject({ county: 'atlantis', path: ['consumer', 'county'] });
      const noCounty = await refused(await reject(await receive({ customerId: 'cust-3' })), 'VALIDATION');
      expect(JSON.stringify(noCounty.details)).toContain('county');
    },
  );
}

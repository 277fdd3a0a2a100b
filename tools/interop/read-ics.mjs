// Reads .ics files with ical.js (Mozilla's iCalendar parser, the one Thunderbird uses), as a calendar application
// subscribed to Lingjing would: every VTIMEZONE registered, every event's times resolved through its TZID.
// Prints one JSON object per file; exits 1 when a file does not parse or names a time zone it does not carry.
//   node read-ics.mjs a.ics b.ics
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

let failed = false;
const results = process.argv.slice(2).map((file) => {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    if (calendar.name !== 'vcalendar') throw new Error(`the file is a ${calendar.name}, not a vcalendar`);
    const zones = calendar.getAllSubcomponents('vtimezone').map((vtimezone) => {
      const zone = new ICAL.Timezone(vtimezone);
      ICAL.TimezoneService.register(zone.tzid, zone);
      return zone.tzid;
    });
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      for (const property of ['dtstart', 'dtend']) {
        const tzid = vevent.getFirstProperty(property)?.getParameter('tzid');
        if (tzid && !zones.includes(tzid)) throw new Error(`${event.uid}: ${property} names the time zone ${tzid}, which the file does not carry`);
      }
      if (!event.uid) throw new Error('an event without a UID');
      if (!vevent.getFirstPropertyValue('dtstamp')) throw new Error(`${event.uid}: no DTSTAMP`);
      return {
        uid: event.uid,
        summary: event.summary,
        status: vevent.getFirstPropertyValue('status'),
        location: event.location,
        tzid: vevent.getFirstProperty('dtstart').getParameter('tzid') ?? null,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      };
    });
    return { file, name: calendar.getFirstPropertyValue('x-wr-calname'), method: calendar.getFirstPropertyValue('method'), timeZones: zones, events };
  } catch (error) {
    failed = true;
    return { file, error: String(error?.message ?? error) };
  }
});
process.stdout.write(JSON.stringify(results));
process.exitCode = failed ? 1 : 0;

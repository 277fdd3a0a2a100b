#!/usr/bin/env python3
"""The demo zone has 2,000 visitor accounts (user0001..user2000); a bigger load test needs one account per
bot (a second connection of the same user replaces the first). This adds user2001..userNNNN to the
benchmark's own SQLite database as copies of user0001 (same demo password, no roles, no park or
enterprise), so Lingjing.Bots signs them in through the API like the others."""
import sqlite3, sys, uuid

db_path, target = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(db_path, timeout=30)
columns = [r[1] for r in db.execute("PRAGMA table_info(users)")]
template = dict(zip(columns, db.execute("SELECT * FROM users WHERE normalized_email = 'USER0001@DEMO.LINGJING.LOCAL'").fetchone()))
existing = {r[0] for r in db.execute("SELECT normalized_email FROM users")}
added = 0
for n in range(2001, target + 1):
    email = f"user{n:04d}@demo.lingjing.local"
    if email.upper() in existing:
        continue
    row = dict(template)
    row.update(id=str(uuid.uuid4()).upper(), user_name=email, normalized_user_name=email.upper(), email=email,
               normalized_email=email.upper(), security_stamp=uuid.uuid4().hex.upper(), concurrency_stamp=str(uuid.uuid4()),
               display_name=f"Bench visitor {n:04d}", park_id=None, enterprise_id=None, access_failed_count=0, lockout_end=None)
    db.execute(f"INSERT INTO users ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", [row[c] for c in columns])
    added += 1
db.commit()
print(f"added {added} benchmark accounts (user2001..user{target:04d})")

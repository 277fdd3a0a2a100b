// Checks the TypeScript codec against the protocol's golden vectors (docs/protocol/golden): decoding
// NAME.bin gives the message of NAME.json, and encoding that message gives NAME.bin byte for byte.
// Bundled and run by golden-vectors.mjs; prints one JSON line per vector.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { equals, fromBinary, fromJson, toBinary } from "@bufbuild/protobuf";
import { ClientFrameSchema, ServerFrameSchema } from "../src/world/protocol/world_pb";
import { encodeHello, encodeEmote } from "../src/world/net/codec";

const directory = process.argv[2];
const schemas = { "lingjing.world.v1.ClientFrame": ClientFrameSchema, "lingjing.world.v1.ServerFrame": ServerFrameSchema };
const vectors = JSON.parse(readFileSync(join(directory, "vectors.json"), "utf8"));
let failures = 0;
const report = (name, ok, detail = "") => {
  if (!ok) failures++;
  console.log(JSON.stringify({ name, ok, detail }));
};

for (const vector of vectors) {
  const schema = schemas[vector.message];
  const bytes = new Uint8Array(readFileSync(join(directory, vector.binary)));
  const expected = fromJson(schema, JSON.parse(readFileSync(join(directory, vector.json), "utf8")));
  const decoded = fromBinary(schema, bytes);
  const encoded = toBinary(schema, expected);
  const same = encoded.length === bytes.length && encoded.every((b, i) => b === bytes[i]);
  report(vector.name, equals(schema, decoded, expected) && same, same ? "" : "encoding differs");
}

// The client's own helpers write the same bytes as the vectors they correspond to.
const hello = JSON.parse(readFileSync(join(directory, "client-hello.json"), "utf8")).hello;
const helloBytes = new Uint8Array(readFileSync(join(directory, "client-hello.bin")));
report("codec encodeHello", hello.protocolVersion === 1 && Buffer.from(encodeHello(hello.worldId)).equals(Buffer.from(helloBytes)));
const emote = JSON.parse(readFileSync(join(directory, "client-emote.json"), "utf8")).emote;
report("codec encodeEmote", Buffer.from(encodeEmote(emote.emote)).equals(readFileSync(join(directory, "client-emote.bin"))));

process.exitCode = failures === 0 ? 0 : 1;

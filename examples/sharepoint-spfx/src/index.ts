// The TypeScript compiler needs a file at the root of src/; the web part lives in webparts/bridgekit.

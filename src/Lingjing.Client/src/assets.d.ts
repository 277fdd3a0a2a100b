// Stylesheets are bundled by esbuild into dist/app.css; importing them yields nothing at runtime.
declare module "*.css";

// esbuild bundles imported stylesheets into a .css file next to the entry point.
declare module "*.css";

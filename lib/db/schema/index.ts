export * from "./auth";
export * from "./app";
export * from "./audit";
export * from "./api";

// Types for the parts of jsonstat-toolkit the tests use to read our JSON-stat back (the package ships none).
declare module "jsonstat-toolkit" {
  interface JsonStatCell {
    value: number | null;
    status: string | null;
  }
  interface JsonStatCategory {
    label: string | null;
    unit: { decimals?: number; label?: string } | null;
  }
  interface JsonStatDimension {
    id: string[];
    label: string | null;
    Category(id: string): JsonStatCategory | null;
  }
  interface JsonStatDataset {
    class: string;
    id: string[];
    n: number;
    label: string;
    role: Record<string, string[] | null>;
    Data(): JsonStatCell[];
    Data(coordinates: Record<string, string>): JsonStatCell | null;
    Dimension(id: string): JsonStatDimension | null;
  }
  export default function JSONstat(input: object): JsonStatDataset;
}

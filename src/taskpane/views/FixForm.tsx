/**
 * A finding's quick fix: one button, or a small inline form for the values the fix needs (an
 * integer such as the sample size, a choice such as the operator, a text such as a deadline).
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { Wrench16Regular } from "@fluentui/react-icons";
import type { Finding, FixInput } from "../../core/finding";
import { halfWidthNumber } from "../../core/templates/placeholders";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  field: { minWidth: "88px", flexGrow: 1, flexBasis: "88px", maxWidth: "180px" },
  // the input's own size (20 characters) would make it wider than a 320 px pane
  control: { width: "100%", minWidth: 0 },
});

function initialValue(input: FixInput): string {
  if (input.defaultValue !== undefined) return input.defaultValue;
  if (input.type === "choice" && input.choices?.length) return input.choices[0];
  return "";
}

/** What is wrong with a value (Chinese), or null. */
function fixInputProblem(input: FixInput, raw: string): string | null {
  const v = raw.trim();
  if (v === "") return `请填写“${input.label}”`;
  if (input.type === "integer") {
    const n = halfWidthNumber(v);
    if (!/^\d+$/.test(n)) return `“${input.label}”应为整数`;
    if (input.min !== undefined && Number(n) < input.min) return `“${input.label}”不能小于 ${input.min}`;
  }
  if (input.type === "choice" && input.choices && !input.choices.includes(v)) return `请从列表中选择“${input.label}”`;
  return null;
}

/** The values as the plan expects them: keyed by placeholder ("{N}"), integers in ASCII digits. */
function fixValues(inputs: readonly FixInput[], raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of inputs) {
    const v = (raw[i.placeholder] ?? "").trim();
    out[i.placeholder] = i.type === "integer" ? String(Number(halfWidthNumber(v))) : v;
  }
  return out;
}

export function FixForm(props: {
  finding: Finding;
  disabled: boolean;
  onApply: (values: Record<string, string>) => void;
}): React.JSX.Element | null {
  const s = useStyles();
  const fix = props.finding.fix;
  const [values, setValues] = React.useState<Record<string, string>>(() =>
    Object.fromEntries((fix?.inputs ?? []).map((i) => [i.placeholder, initialValue(i)]))
  );
  const [tried, setTried] = React.useState(false);
  if (!fix) return null;
  const problems = Object.fromEntries(
    fix.inputs.map((i) => [i.placeholder, fixInputProblem(i, values[i.placeholder] ?? "")])
  );
  const valid = Object.values(problems).every((p) => p === null);
  const hint = fix.safe ? "（安全修复）" : "";

  if (fix.inputs.length === 0) {
    return (
      <Button
        size="small"
        appearance="primary"
        icon={<Wrench16Regular />}
        disabled={props.disabled}
        onClick={() => props.onApply({})}
        aria-label={`快速修复：${fix.title}${hint}`}
      >
        {fix.title}
      </Button>
    );
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (valid) props.onApply(fixValues(fix.inputs, values));
  };

  return (
    <form className={s.form} onSubmit={submit} aria-label={`快速修复：${fix.title}`} noValidate>
      {fix.inputs.map((input) => (
        <FixInputField
          key={input.placeholder}
          input={input}
          value={values[input.placeholder] ?? ""}
          problem={tried ? problems[input.placeholder] : null}
          onChange={(value) => setValues((v) => ({ ...v, [input.placeholder]: value }))}
        />
      ))}
      <Button type="submit" size="small" appearance="primary" icon={<Wrench16Regular />} disabled={props.disabled}>
        {fix.title}
      </Button>
    </form>
  );
}

/** One value the fix needs: a choice (the operator …) or a typed value (an integer such as the sample size, a text). */
function FixInputField(props: {
  input: FixInput;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { input, problem } = props;
  return (
    <Field
      className={s.field}
      size="small"
      label={input.label}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ?? undefined}
    >
      {input.type === "choice" ? (
        <Select size="small" className={s.control} value={props.value} onChange={(_e, d) => props.onChange(d.value)}>
          {(input.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          size="small"
          className={s.control}
          input={{ size: 4 }}
          value={props.value}
          inputMode={input.type === "integer" ? "numeric" : undefined}
          placeholder={input.type === "integer" ? "如 30" : undefined}
          onChange={(_e, d) => props.onChange(d.value)}
        />
      )}
    </Field>
  );
}

// Values for printBlockString / isPrintableAsBlockString.
module.exports = [
  "", "simple", " leading space", "\tleading tab", "trailing space ", "trailing quote\"", "trailing backslash\\",
  "has \"\"\" inside", "ends with \"\"\"", "two\nlines", "\n leading newline", "first\n  indented second",
  "first\n\n  blank then indented", "  all\n  indented", "line\r\nwindows", "cr\ronly", "control \u0007 char",
  "x".repeat(71), "x".repeat(70), "  \n  ", "a\n", "\n", "tab\tinside", "unicode é 😀 \u2028",
  "first line\nsecond line\n", "    code\n      more code", "text\n    \n  mixed",
];

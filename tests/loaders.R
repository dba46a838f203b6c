# Load tabloid output with R as tabloid(7) says (tests/loaders.bats).
#
#     Rscript loaders.R READER DIR NAME...
#
# READER is r (base R) or readr.  The settings are the snippets of
# tabloid(7), which loaders.bats has written to DIR/snip.  For each NAME,
# DIR/NAME.tsv and DIR/NAME.csv are read, and the decoded rows are written
# back in canonical TSV (the four escapes of tabloid(7) and no other) to
# DIR/NAME.READER-tsv and DIR/NAME.READER-csv, for tests/loaders.py to
# compare with the program's.  The exit status is 77 when readr is missing.

args <- commandArgs(trailingOnly = TRUE)
reader <- args[1]
dir <- args[2]

snippet <- function(name) {
  paste(readLines(file.path(dir, "snip", name), encoding = "UTF-8"), collapse = "\n")
}

# run(NAME, FILE): run snippet NAME on FILE instead of f.tsv or f.csv; its d.
run <- function(name, file) {
  code <- snippet(name)
  code <- gsub("\"f\\.(tsv|csv)\"", deparse(file), code)
  eval(parse(text = code, encoding = "UTF-8"), envir = globalenv())
  get("d", envir = globalenv())
}

eval(parse(text = snippet("r-unesc")), envir = globalenv())
if (reader == "readr" && !requireNamespace("readr", quietly = TRUE))
  quit(status = 77)

canon <- function(x) {
  x <- gsub("\\", "\\\\", x, fixed = TRUE)
  x <- gsub("\t", "\\t", x, fixed = TRUE)
  x <- gsub("\n", "\\n", x, fixed = TRUE)
  gsub("\r", "\\r", x, fixed = TRUE)
}

write_canon <- function(d, path) {
  con <- file(path, "wb")
  lines <- canon(names(d))
  lines <- paste(lines, collapse = "\t")
  if (nrow(d) > 0)
    lines <- c(lines, do.call(paste, c(lapply(d, canon), sep = "\t")))
  writeLines(enc2utf8(lines), con, useBytes = TRUE)
  close(con)
}

for (name in args[-(1:2)]) {
  base <- file.path(dir, name)
  for (ext in c("tsv", "csv")) {
    d <- run(paste0(reader, "-", ext), paste0(base, ".", ext))
    write_canon(as.data.frame(d), paste0(base, ".", reader, "-", ext))
  }
}

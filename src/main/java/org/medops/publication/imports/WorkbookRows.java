package org.medops.publication.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medops.shared.ProblemException;

/** The first sheet of an .xlsx as header names and rows of text; dates as yyyy-MM-dd, numbers without ".0". */
final class WorkbookRows {

    static final int MAX_ROWS = 5000;

    record RowValues(int line, TreeMap<String, String> values) {
    }

    private WorkbookRows() {
    }

    static List<RowValues> read(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
            throw ProblemException.invalid("publication-import-not-xlsx");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw ProblemException.invalid("publication-import-empty");
            }
            DataFormatter formatter = new DataFormatter();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                names.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
            }
            List<RowValues> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                TreeMap<String, String> values = new TreeMap<>();
                for (int c = 0; c < names.size(); c++) {
                    if (!names.get(c).isEmpty()) {
                        values.put(names.get(c), text(row.getCell(c), formatter));
                    }
                }
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.invalid("publication-import-too-many-rows", MAX_ROWS);
                }
                rows.add(new RowValues(r + 1, values));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("publication-import-not-xlsx");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneOffset.UTC).toString();
        }
        return formatter.formatCellValue(cell).strip();
    }
}

#!/usr/bin/python3
"""Converts the data sets Debian's python3-sklearn ships into examples/data/*.csv.

Run from the repository root after `apt-get install python3-sklearn`. Each file gets a header
of column names and a named target column (examples/data/README.md); the numbers are copied
as written in the package's files.
"""
import csv
import gzip

from sklearn.datasets import load_breast_cancer, load_wine

D = "/usr/lib/python3/dist-packages/sklearn/datasets/data/"


def clean(names):
    return [n.replace(" ", "_").replace("(", "").replace(")", "") for n in names]


def convert(src, dst, features, target, names):
    with open(D + src) as f:
        body = list(csv.reader(f))[1:]
    with open("examples/data/" + dst, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(features + [target])
        for r in body:
            w.writerow(r[:-1] + [names[int(r[-1])]])


convert("iris.csv", "iris.csv",
        ["sepal_length", "sepal_width", "petal_length", "petal_width"], "species",
        ["setosa", "versicolor", "virginica"])
convert("wine_data.csv", "wine.csv", clean(load_wine().feature_names), "cultivar",
        ["class_0", "class_1", "class_2"])
convert("breast_cancer.csv", "breast_cancer.csv", clean(load_breast_cancer().feature_names),
        "diagnosis", ["malignant", "benign"])
with gzip.open(D + "digits.csv.gz", "rt") as f:
    rows = list(csv.reader(f))
with open("examples/data/digits.csv", "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow([f"pixel_{i}_{j}" for i in range(8) for j in range(8)] + ["digit"])
    for r in rows:
        w.writerow([str(int(float(v))) for v in r])

#!/usr/bin/env python3
"""Writes the conformance scenario folders: python3 tests/conformance/generate.py tests/conformance
The folders are what run.sh reads; edit this file and re-run it rather than editing them by hand."""
import json, os, sys

OUT = sys.argv[1]

HDR = "-- {title}\n-- Loaded after data/schema.sql on a fresh database.\n"

def rts(*names):
    return "".join(
        f"INSERT INTO resource_types (resource_type, description) VALUES ('{n}', '');\n" for n in names)

def block(name, desc, rtl, tag="TEST"):
    s = (f"INSERT INTO product_blocks (name, description, tag, status) "
         f"VALUES ('{name}', '{desc}', '{tag}', 'active');\n")
    for r in rtl:
        s += ("INSERT INTO product_block_resource_types (product_block_id, resource_type_id)\n"
              f"\tSELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r\n"
              f"\tWHERE b.name = '{name}' AND r.resource_type = '{r}';\n")
    return s

def rel(parent, child):
    return ("INSERT INTO product_block_relations (in_use_by_id, depends_on_id)\n"
            f"\tSELECT p.product_block_id, c.product_block_id FROM product_blocks p, product_blocks c\n"
            f"\tWHERE p.name = '{parent}' AND c.name = '{child}';\n")

def product(name, desc, ptype, tag, blocks, fis=()):
    s = (f"INSERT INTO products (name, description, product_type, tag, status) "
         f"VALUES ('{name}', '{desc}', '{ptype}', '{tag}', 'active');\n")
    for fi, v in fis:
        s += (f"INSERT INTO fixed_inputs (name, value, product_id)\n"
              f"\tSELECT '{fi}', '{v}', product_id FROM products WHERE name = '{name}';\n")
    for b in blocks:
        s += ("INSERT INTO product_product_blocks (product_id, product_block_id)\n"
              f"\tSELECT p.product_id, b.product_block_id FROM products p, product_blocks b\n"
              f"\tWHERE p.name = '{name}' AND b.name = '{b}';\n")
    return s

def sub(sid, product_name, desc, customer):
    return ("INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)\n"
            f"\tSELECT '{sid}', '{desc}', 'active', product_id, '{customer}', true, '2024-01-01 00:00:00+00'\n"
            f"\tFROM products WHERE name = '{product_name}';\n")

def inst(iid, sid, blockname, values):
    s = ("INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)\n"
         f"\tSELECT '{iid}', '{sid}', product_block_id FROM product_blocks WHERE name = '{blockname}';\n")
    for r, v in values:
        s += ("INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)\n"
              f"\tSELECT '{iid}', resource_type_id, '{v}' FROM resource_types WHERE resource_type = '{r}';\n")
    return s

def irel(parent, child, order, attr):
    return ("INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr)\n"
            f"\tVALUES ('{parent}', '{child}', {order}, '{attr}');\n")

# ---- fixture fragments (test/integration_tests/fixtures/products/...) ----
SUB1_DB = "-- test_product_sub_block_one_db\n" + rts("int_field", "str_field") + \
    block("SubBlockOneForTest", "Test Sub Block One", ["int_field", "str_field"])
PB1_DB = SUB1_DB + "-- test_product_block_one_db\n" + rts("list_field", "enum_field") + \
    block("ProductBlockOneForTest", "Test Block", ["int_field", "str_field", "list_field", "enum_field"]) + \
    rel("ProductBlockOneForTest", "SubBlockOneForTest")
P1_DB = PB1_DB + "-- test_product_one\n" + product(
    "TestProductOne", "Test ProductTable", "Test", "TEST", ["ProductBlockOneForTest"], [("test_fixed_input", "False")])

S1 = "00000000-0000-4000-8000-000000000001"
I_PB1 = "00000000-0000-4000-8000-0000000000a1"
I_SB = "00000000-0000-4000-8000-0000000000a2"
I_SB2 = "00000000-0000-4000-8000-0000000000a3"
P1_SUB = P1_DB + "-- product_one_subscription_1\n" + \
    sub(S1, "TestProductOne", "product one sub description", "c0ffee00-0000-4000-8000-000000000001") + \
    inst(I_PB1, S1, "ProductBlockOneForTest",
         [("str_field", "A"), ("int_field", "1"), ("list_field", "10"), ("list_field", "20"),
          ("list_field", "30"), ("enum_field", "bar")]) + \
    inst(I_SB, S1, "SubBlockOneForTest", [("str_field", "B"), ("int_field", "2")]) + \
    inst(I_SB2, S1, "SubBlockOneForTest", [("int_field", "3"), ("str_field", "test")]) + \
    irel(I_PB1, I_SB, 0, "sub_block") + irel(I_PB1, I_SB2, 0, "sub_block_2")

SUB2_DB = "-- test_product_sub_block_two_db\n" + rts("int_field_2") + \
    block("SubBlockTwoForTest", "Test Sub Block Two", ["int_field_2"])
PBLU_DB = SUB1_DB + SUB2_DB + "-- test_product_block_with_list_union_db\n" + rts("list_field") + \
    block("ProductBlockWithListUnionForTest", "Test Union Sub Block", ["int_field", "str_field", "list_field"]) + \
    rel("ProductBlockWithListUnionForTest", "SubBlockOneForTest") + \
    rel("ProductBlockWithListUnionForTest", "SubBlockTwoForTest")
PSLU_DB = PBLU_DB + "-- test_product_sub_list_union\n" + product(
    "ProductSubListUnion", "Product with Union sub product_block", "Test", "UnionSub",
    ["ProductBlockWithListUnionForTest"])

S_ONE = "00000000-0000-4000-8000-000000000011"
S_TWO = "00000000-0000-4000-8000-000000000012"
S_LU = "00000000-0000-4000-8000-000000000013"
I_ONE = "00000000-0000-4000-8000-0000000000b1"
I_TWO = "00000000-0000-4000-8000-0000000000b2"
I_LU = "00000000-0000-4000-8000-0000000000b3"
PSLU_SUB = PSLU_DB + \
    "-- test_product_sub_one + sub_one_subscription_1\n" + \
    product("ProductSubOne", "Test ProductSubOne", "Test", "Sub", ["SubBlockOneForTest"]) + \
    sub(S_ONE, "ProductSubOne", "sub one subscription", "c0ffee00-0000-4000-8000-000000000011") + \
    inst(I_ONE, S_ONE, "SubBlockOneForTest", [("int_field", "1"), ("str_field", "blah")]) + \
    "-- test_product_sub_two + sub_two_subscription_1\n" + \
    product("ProductSubTwo", "Test ProductSubTwo", "Test", "Sub", ["SubBlockTwoForTest"]) + \
    sub(S_TWO, "ProductSubTwo", "sub two subscription", "c0ffee00-0000-4000-8000-000000000012") + \
    inst(I_TWO, S_TWO, "SubBlockTwoForTest", [("int_field_2", "3")]) + \
    "-- product_sub_list_union_subscription_1\n" + \
    sub(S_LU, "ProductSubListUnion", "product sub list union sub description", "c0ffee00-0000-4000-8000-000000000013") + \
    inst(I_LU, S_LU, "ProductBlockWithListUnionForTest",
         [("int_field", "1"), ("str_field", "blah"), ("list_field", "2")]) + \
    irel(I_LU, I_ONE, 0, "list_union_blocks") + irel(I_LU, I_TWO, 1, "list_union_blocks")

# ---- models (registry.json) ----
def reg_product_one(block_rts=None, fis=None, blocks=None, sub_rts=None, extra_blocks=None, pb1_children=None):
    fis = ["test_fixed_input"] if fis is None else fis
    blocks = ["ProductBlockOneForTest"] if blocks is None else blocks
    r = {
        "products": {"TestProductOne": {"product_type": "Test", "fixed_inputs": fis, "product_blocks": blocks}},
        "product_blocks": {},
    }
    allb = {
        "ProductBlockOneForTest": {
            "resource_types": block_rts or ["int_field", "str_field", "list_field", "enum_field"],
            "product_blocks": pb1_children or ["SubBlockOneForTest"],
        },
        "SubBlockOneForTest": {"resource_types": sub_rts or ["int_field", "str_field"], "product_blocks": []},
    }
    allb.update(extra_blocks or {})
    # only blocks reachable from the product
    seen, todo = set(), list(blocks)
    while todo:
        b = todo.pop()
        if b in seen:
            continue
        seen.add(b)
        todo += allb[b]["product_blocks"]
    r["product_blocks"] = {b: allb[b] for b in sorted(seen)}
    return r

def reg_sub_list_union(pblu_rts, sub1_rts, sub2_rts, with_sub_products):
    r = {"products": {"ProductSubListUnion": {"product_type": "Test", "fixed_inputs": [],
                                              "product_blocks": ["ProductBlockWithListUnionForTest"]}},
         "product_blocks": {
             "ProductBlockWithListUnionForTest": {"resource_types": pblu_rts,
                                                  "product_blocks": ["SubBlockOneForTest", "SubBlockTwoForTest"]},
             "SubBlockOneForTest": {"resource_types": sub1_rts, "product_blocks": []},
             "SubBlockTwoForTest": {"resource_types": sub2_rts, "product_blocks": []}}}
    if with_sub_products:
        r["products"]["ProductSubOne"] = {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["SubBlockOneForTest"]}
        r["products"]["ProductSubTwo"] = {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["SubBlockTwoForTest"]}
    return r

TB = {"test block": {"resource_types": ["str_field"], "product_blocks": []}}

def check(comment, sql):
    return f"-- {comment}\n{sql.strip()};\n"

def rt_exists(n): return f"SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = '{n}')"
def rt_absent(n): return f"SELECT NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = '{n}')"
def block_has_rt(b, r, neg=False):
    return (f"SELECT {'NOT ' if neg else ''}EXISTS (SELECT 1 FROM product_block_resource_types x"
            f" JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id)"
            f" WHERE b.name = '{b}' AND r.resource_type = '{r}')")
def block_has_child(p, c, neg=False):
    return (f"SELECT {'NOT ' if neg else ''}EXISTS (SELECT 1 FROM product_block_relations x"
            f" JOIN product_blocks p ON p.product_block_id = x.in_use_by_id"
            f" JOIN product_blocks c ON c.product_block_id = x.depends_on_id"
            f" WHERE p.name = '{p}' AND c.name = '{c}')")
def product_has_block(p, b, neg=False):
    return (f"SELECT {'NOT ' if neg else ''}EXISTS (SELECT 1 FROM product_product_blocks x"
            f" JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id)"
            f" WHERE p.name = '{p}' AND b.name = '{b}')")
def values_of(inst_id, r):
    """sorted, comma separated values of resource type r on instance inst_id"""
    return (f"(SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v"
            f" JOIN resource_types r USING (resource_type_id)"
            f" WHERE v.subscription_instance_id = '{inst_id}' AND r.resource_type = '{r}')")
def child_values(sid, block, r):
    return (f"(SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v"
            f" JOIN resource_types r USING (resource_type_id)"
            f" JOIN subscription_instances i USING (subscription_instance_id)"
            f" JOIN product_blocks b ON b.product_block_id = i.product_block_id"
            f" WHERE i.subscription_id = '{sid}' AND b.name = '{block}' AND r.resource_type = '{r}')")
def n_instances(sid, block):
    return (f"(SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id)"
            f" WHERE i.subscription_id = '{sid}' AND b.name = '{block}')")

P1_UNCHANGED_VALUES = [
    check("values of the product block instance survive", f"SELECT {values_of(I_PB1, 'str_field')} = 'A' AND {values_of(I_PB1, 'int_field')} = '1' AND {values_of(I_PB1, 'list_field')} = '10,20,30' AND {values_of(I_PB1, 'enum_field')} = 'bar'"),
    check("values of both sub block instances survive", f"SELECT {values_of(I_SB, 'str_field')} = 'B' AND {values_of(I_SB, 'int_field')} = '2' AND {values_of(I_SB2, 'str_field')} = 'test' AND {values_of(I_SB2, 'int_field')} = '3'"),
]
FI_OK = check("the fixed input keeps its value", "SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'False')")

S = {}

def scen(name, title, before, registry, checks, inputs=None, updates=None, lost=None):
    S[name] = dict(title=title, before=before, registry=registry, checks=checks, inputs=inputs, updates=updates, lost=lost)

# ======================= without instances =======================
scen("wo_new_product", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product",
     SUB1_DB,
     {"products": {"TestProductOne": {"product_type": "ProductTypeOneForTest", "fixed_inputs": ["test_fixed_input"],
                                      "product_blocks": ["ProductBlockOneForTest"]}},
      "product_blocks": {"ProductBlockOneForTest": {"resource_types": ["int_field", "str_field", "list_field", "enum_field"],
                                                    "product_blocks": ["SubBlockOneForTest"]},
                         "SubBlockOneForTest": {"resource_types": ["int_field", "str_field"], "product_blocks": []}}},
     [check("the product is created with the given description, tag and the model's product type",
            "SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne' AND description = 'test description' AND tag = 'test_tag' AND product_type = 'ProductTypeOneForTest' AND status = 'active')"),
      check("its fixed input has the given value", "SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'test value')"),
      check("the new block exists with description and tag", "SELECT EXISTS (SELECT 1 FROM product_blocks WHERE name = 'ProductBlockOneForTest' AND description = 'product block description' AND tag = 'test_block_tag')"),
      check("the product uses the new block", product_has_block("TestProductOne", "ProductBlockOneForTest")),
      check("the new block depends on the existing sub block", block_has_child("ProductBlockOneForTest", "SubBlockOneForTest")),
      check("the new block has its four resource types", "SELECT count(*) = 4 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type IN ('int_field', 'str_field', 'list_field', 'enum_field')"),
      check("the new resource types have their descriptions", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field' AND description = 'list field desc') AND EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'enum_field' AND description = 'an enum')"),
      check("the existing resource types are reused, not duplicated", "SELECT count(*) = 4 FROM resource_types"),
      check("the existing sub block is untouched", block_has_rt("SubBlockOneForTest", "int_field") + " AND EXISTS (SELECT 1 FROM product_blocks WHERE name = 'SubBlockOneForTest' AND description = 'Test Sub Block One')"),
      ],
     inputs={"TestProductOne": {"description": "test description", "tag": "test_tag", "test_fixed_input": "test value"},
             "ProductBlockOneForTest": {"description": "product block description", "tag": "test_block_tag"},
             "int_field": {"ProductBlockOneForTest": "1"}, "str_field": {"ProductBlockOneForTest": "test"},
             "list_field": {"description": "list field desc", "ProductBlockOneForTest": "list test"},
             "enum_field": {"description": "an enum", "ProductBlockOneForTest": "foo"}})

scen("wo_new_fixed_input", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_fixed_input",
     P1_DB, reg_product_one(fis=["test_fixed_input", "new_fixed_input"]),
     [check("the new fixed input exists with the given value", "SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'new_fixed_input' AND f.value = 'test')"),
      FI_OK,
      check("the product has exactly two fixed inputs", "SELECT count(*) = 2 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne'")],
     inputs={"TestProductOne": {"new_fixed_input": "test"}})

scen("wo_rename_fixed_input", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_fixed_input",
     P1_DB, reg_product_one(fis=["changed_fixed_input"]),
     [check("the fixed input is renamed and keeps its value", "SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'changed_fixed_input' AND f.value = 'False')"),
      check("the old name is gone", "SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input')"),
      check("the product still has exactly one fixed input", "SELECT count(*) = 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne'")],
     updates={"fixed_inputs": {"TestProductOne": {"test_fixed_input": "changed_fixed_input"}}})

NEW_BLOCK_CHECKS = [
    check("the new block exists with description and tag", "SELECT EXISTS (SELECT 1 FROM product_blocks WHERE name = 'test block' AND description = 'test block description' AND tag = 'test_block_tag' AND status = 'active')"),
    check("the new block has resource type str_field (reused, not duplicated)", block_has_rt("test block", "str_field") + " AND (SELECT count(*) = 1 FROM resource_types WHERE resource_type = 'str_field')"),
]
scen("wo_new_product_block", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product_block",
     P1_DB, reg_product_one(blocks=["test block", "ProductBlockOneForTest"], extra_blocks=TB),
     NEW_BLOCK_CHECKS + [check("the product uses the new block", product_has_block("TestProductOne", "test block")),
                         check("the product still uses its old block", product_has_block("TestProductOne", "ProductBlockOneForTest"))],
     inputs={"test block": {"description": "test block description", "tag": "test_block_tag"}, "str_field": {"test block": "test"}})

scen("wo_new_product_block_on_product_block", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product_block_on_product_block",
     P1_DB, reg_product_one(pb1_children=["SubBlockOneForTest", "test block"], extra_blocks=TB),
     NEW_BLOCK_CHECKS + [check("ProductBlockOneForTest depends on the new block", block_has_child("ProductBlockOneForTest", "test block")),
                         check("the product is not linked to the new block directly", product_has_block("TestProductOne", "test block", neg=True))],
     inputs={"test block": {"description": "test block description", "tag": "test_block_tag"}, "str_field": {"test block": "test"}})

scen("wo_new_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_resource_type",
     P1_DB, reg_product_one(block_rts=["int_field", "str_field", "enum_field", "list_field", "new_int_field"]),
     [check("the new resource type exists with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_int_field' AND description = 'test new int field type')"),
      check("ProductBlockOneForTest has the new resource type", block_has_rt("ProductBlockOneForTest", "new_int_field")),
      check("the sub block does not get it", block_has_rt("SubBlockOneForTest", "new_int_field", neg=True))],
     inputs={"new_int_field": {"ProductBlockOneForTest": "1", "description": "test new int field type"}})

scen("wo_rename_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_resource_type",
     P1_DB, reg_product_one(block_rts=["str_field", "int_field", "enum_field", "new_list_field"]),
     [check("list_field is renamed to new_list_field", rt_exists("new_list_field") + " AND NOT " + rt_exists("list_field")[7:]),
      check("the renamed resource type keeps its block relation", block_has_rt("ProductBlockOneForTest", "new_list_field")),
      check("the number of resource types is unchanged", "SELECT count(*) = 4 FROM resource_types")],
     updates={"resource_types": {"list_field": "new_list_field"}})

scen("wo_rename_and_relate_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_and_relate_resource_type",
     P1_DB, reg_product_one(block_rts=["str_field", "int_field", "enum_field", "new_list_field"],
                            sub_rts=["int_field", "str_field", "new_list_field"]),
     [check("list_field is renamed to new_list_field", rt_exists("new_list_field") + " AND NOT " + rt_exists("list_field")[7:]),
      check("ProductBlockOneForTest keeps the renamed relation", block_has_rt("ProductBlockOneForTest", "new_list_field")),
      check("SubBlockOneForTest is related to the renamed resource type", block_has_rt("SubBlockOneForTest", "new_list_field")),
      check("the number of resource types is unchanged", "SELECT count(*) = 4 FROM resource_types")],
     inputs={"new_list_field": {"SubBlockOneForTest": "test"}},
     updates={"resource_types": {"list_field": "new_list_field"}})

scen("wo_rename_and_relate_and_remove_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_and_relate_and_remove_resource_type",
     PSLU_DB, reg_sub_list_union(["changed_int_field", "str_field", "list_field"], ["changed_int_field"],
                                 ["int_field_2", "changed_int_field"], False),
     [check("int_field is renamed to changed_int_field", rt_exists("changed_int_field") + " AND NOT " + rt_exists("int_field")[7:]),
      check("ProductBlockWithListUnionForTest keeps the renamed relation", block_has_rt("ProductBlockWithListUnionForTest", "changed_int_field")),
      check("SubBlockOneForTest keeps the renamed relation", block_has_rt("SubBlockOneForTest", "changed_int_field")),
      check("SubBlockTwoForTest is related to changed_int_field", block_has_rt("SubBlockTwoForTest", "changed_int_field")),
      check("SubBlockOneForTest lost str_field", block_has_rt("SubBlockOneForTest", "str_field", neg=True)),
      check("str_field still exists for ProductBlockWithListUnionForTest", block_has_rt("ProductBlockWithListUnionForTest", "str_field"))],
     inputs={"changed_int_field": {"SubBlockOneForTest": "test", "SubBlockTwoForTest": "test"}},
     updates={"resource_types": {"int_field": "changed_int_field"}},
     lost=["block_rt SubBlockOneForTest | str_field"])

scen("wo_update_block_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_update_block_resource_type",
     P1_DB, reg_product_one(block_rts=["str_field", "enum_field", "new_int_field", "list_field"]),
     [check("new_int_field is created with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_int_field' AND description = 'test new int field type')"),
      check("int_field still exists (per-block update does not delete it)", rt_exists("int_field")),
      check("ProductBlockOneForTest now uses new_int_field instead of int_field", block_has_rt("ProductBlockOneForTest", "new_int_field") + " AND NOT " + block_has_rt("ProductBlockOneForTest", "int_field")[7:]),
      check("SubBlockOneForTest keeps int_field", block_has_rt("SubBlockOneForTest", "int_field"))],
     inputs={"new_int_field": {"description": "test new int field type"}},
     updates={"block_resource_types": {"ProductBlockOneForTest": {"int_field": "new_int_field"}}})

scen("wo_remove_product", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_product",
     P1_DB, {"products": {}, "product_blocks": {}},
     [check("the product is deleted", "SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne')"),
      check("its fixed inputs went with it", "SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs)"),
      check("the blocks no model uses any more are deleted", "SELECT NOT EXISTS (SELECT 1 FROM product_blocks)")],
     lost=["TestProductOne", "ProductBlockOneForTest", "SubBlockOneForTest"])

scen("wo_remove_fixed_input", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_fixed_input",
     P1_DB, reg_product_one(fis=[]),
     [check("the fixed input is deleted", "SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input')"),
      check("the product is kept", "SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne')")])

scen("wo_remove_product_block", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_product_block",
     P1_DB, reg_product_one(blocks=[]),
     [check("the product no longer uses the block", "SELECT NOT EXISTS (SELECT 1 FROM product_product_blocks)"),
      check("the blocks no model uses any more are deleted", "SELECT NOT EXISTS (SELECT 1 FROM product_blocks)"),
      check("the product and its fixed input are kept", "SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne')"), FI_OK],
     lost=["ProductBlockOneForTest", "SubBlockOneForTest"])

scen("wo_remove_resource_type", "test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_resource_type",
     P1_DB, reg_product_one(block_rts=["int_field", "str_field", "enum_field"]),
     [check("list_field is no longer related to ProductBlockOneForTest", block_has_rt("ProductBlockOneForTest", "list_field", neg=True)),
      check("list_field, used by no block any more, is deleted", rt_absent("list_field")),
      check("the other resource types stay", block_has_rt("ProductBlockOneForTest", "int_field") + " AND " + block_has_rt("ProductBlockOneForTest", "enum_field")[7:])],
     lost=["list_field"])

# ======================= with instances =======================
scen("wi_new_product_block", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_new_product_block",
     P1_SUB, reg_product_one(blocks=["test block", "ProductBlockOneForTest"], extra_blocks=TB),
     NEW_BLOCK_CHECKS + [
         check("the product uses the new block", product_has_block("TestProductOne", "test block")),
         check("the subscription got exactly one instance of the new block", f"SELECT {n_instances(S1, 'test block')} = 1"),
         check("that instance has str_field = 'test'", f"SELECT {child_values(S1, 'test block', 'str_field')} = 'test'"),
     ] + P1_UNCHANGED_VALUES,
     inputs={"test block": {"description": "test block description", "tag": "test_block_tag"}, "str_field": {"test block": "test"}})

scen("wi_new_product_block_on_product_block", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_new_product_block_on_product_block",
     P1_SUB, reg_product_one(pb1_children=["SubBlockOneForTest", "test block"], extra_blocks=TB),
     NEW_BLOCK_CHECKS + [
         check("ProductBlockOneForTest depends on the new block", block_has_child("ProductBlockOneForTest", "test block")),
         check("the subscription got exactly one instance of the new block", f"SELECT {n_instances(S1, 'test block')} = 1"),
         check("that instance has str_field = 'test'", f"SELECT {child_values(S1, 'test block', 'str_field')} = 'test'"),
         check("the block instance is linked to the new child instance",
               f"SELECT EXISTS (SELECT 1 FROM subscription_instance_relations r JOIN subscription_instances c ON c.subscription_instance_id = r.depends_on_id JOIN product_blocks b ON b.product_block_id = c.product_block_id WHERE r.in_use_by_id = '{I_PB1}' AND b.name = 'test block')"),
         check("the existing instance relations are untouched", f"SELECT count(*) = 2 FROM subscription_instance_relations WHERE in_use_by_id = '{I_PB1}' AND depends_on_id IN ('{I_SB}', '{I_SB2}')"),
     ] + P1_UNCHANGED_VALUES,
     inputs={"test block": {"description": "test block description", "tag": "test_block_tag"}, "str_field": {"test block": "test"}})

scen("wi_new_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_new_resource_type",
     P1_SUB, reg_product_one(block_rts=["int_field", "str_field", "list_field", "enum_field", "new_int_field"]),
     [check("the new resource type exists with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_int_field' AND description = 'test new int field type')"),
      check("ProductBlockOneForTest has the new resource type", block_has_rt("ProductBlockOneForTest", "new_int_field")),
      check("the existing block instance got new_int_field = 1", f"SELECT {values_of(I_PB1, 'new_int_field')} = '1'"),
      check("the sub block instances got no new_int_field value", f"SELECT {values_of(I_SB, 'new_int_field')} = '' AND {values_of(I_SB2, 'new_int_field')} = ''"),
      ] + P1_UNCHANGED_VALUES,
     inputs={"new_int_field": {"ProductBlockOneForTest": "1", "description": "test new int field type"}})

scen("wi_new_product_block_and_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_new_product_block_and_resource_type",
     P1_SUB, reg_product_one(blocks=["test block", "ProductBlockOneForTest"],
                             extra_blocks={"test block": {"resource_types": ["str_field", "new_str_field"], "product_blocks": []}}),
     NEW_BLOCK_CHECKS + [
         check("new_str_field is created with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_str_field' AND description = 'new str field desc')"),
         check("the new block has new_str_field", block_has_rt("test block", "new_str_field")),
         check("the subscription got exactly one instance of the new block", f"SELECT {n_instances(S1, 'test block')} = 1"),
         check("that instance has str_field = 'test'", f"SELECT {child_values(S1, 'test block', 'str_field')} = 'test'"),
         check("that instance has new_str_field = 'new test'", f"SELECT {child_values(S1, 'test block', 'new_str_field')} = 'new test'"),
     ] + P1_UNCHANGED_VALUES,
     inputs={"test block": {"description": "test block description", "tag": "test_block_tag"}, "str_field": {"test block": "test"},
             "new_str_field": {"description": "new str field desc", "test block": "new test"}})

scen("wi_update_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_update_resource_type",
     P1_SUB, reg_product_one(block_rts=["str_field", "int_field", "enum_field", "new_list_field"]),
     [check("list_field is renamed to new_list_field", rt_exists("new_list_field") + " AND NOT " + rt_exists("list_field")[7:]),
      check("the block instance keeps its list values under the new name", f"SELECT {values_of(I_PB1, 'new_list_field')} = '10,20,30'"),
      check("the other values survive", f"SELECT {values_of(I_PB1, 'str_field')} = 'A' AND {values_of(I_PB1, 'int_field')} = '1' AND {values_of(I_SB, 'str_field')} = 'B'")],
     updates={"resource_types": {"list_field": "new_list_field"}})

scen("wi_create_and_rename_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_create_and_rename_resource_type",
     P1_SUB, reg_product_one(block_rts=["str_field", "int_field", "enum_field", "new_list_field"],
                             sub_rts=["int_field", "str_field", "new_list_field"]),
     [check("list_field is renamed to new_list_field", rt_exists("new_list_field") + " AND NOT " + rt_exists("list_field")[7:]),
      check("the block instance keeps its list values under the new name", f"SELECT {values_of(I_PB1, 'new_list_field')} = '10,20,30'"),
      check("SubBlockOneForTest is related to new_list_field", block_has_rt("SubBlockOneForTest", "new_list_field")),
      check("both sub block instances got new_list_field = 5", f"SELECT {values_of(I_SB, 'new_list_field')} = '5' AND {values_of(I_SB2, 'new_list_field')} = '5'"),
      ] + P1_UNCHANGED_VALUES[1:],
     inputs={"new_list_field": {"SubBlockOneForTest": "5"}},
     updates={"resource_types": {"list_field": "new_list_field"}})

scen("wi_create_and_rename_and_delete_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_create_and_rename_and_delete_resource_type",
     PSLU_SUB, reg_sub_list_union(["changed_int_field", "str_field", "list_field"], ["changed_int_field"],
                                  ["int_field_2", "changed_int_field"], True),
     [check("int_field is renamed to changed_int_field (int_field no longer exists)", rt_exists("changed_int_field") + " AND NOT " + rt_exists("int_field")[7:]),
      check("the list-union block instance keeps its value under the new name", f"SELECT {values_of(I_LU, 'changed_int_field')} = '1'"),
      check("the SubBlockOne instance keeps its value under the new name", f"SELECT {values_of(I_ONE, 'changed_int_field')} = '1'"),
      check("the SubBlockTwo instance got the default value 2", f"SELECT {values_of(I_TWO, 'changed_int_field')} = '2'"),
      check("SubBlockTwo keeps int_field_2", f"SELECT {values_of(I_TWO, 'int_field_2')} = '3'"),
      check("SubBlockOneForTest lost str_field", block_has_rt("SubBlockOneForTest", "str_field", neg=True)),
      check("the SubBlockOne instance's str_field value is removed (reference defect 1 fixed)", f"SELECT {values_of(I_ONE, 'str_field')} = ''"),
      check("the list-union block keeps str_field and its value", block_has_rt("ProductBlockWithListUnionForTest", "str_field") + f" AND {values_of(I_LU, 'str_field')} = 'blah'"),
      check("instance relations are untouched", f"SELECT count(*) = 2 FROM subscription_instance_relations WHERE in_use_by_id = '{I_LU}'")],
     inputs={"changed_int_field": {"SubBlockOneForTest": "5", "SubBlockTwoForTest": "2"}},
     updates={"resource_types": {"int_field": "changed_int_field"}},
     lost=["block_rt SubBlockOneForTest | str_field"])

scen("wi_remove_product", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_product",
     P1_SUB, {"products": {}, "product_blocks": {}},
     [check("the product is deleted", "SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne')"),
      check("its subscription is deleted", f"SELECT NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '{S1}')"),
      check("no instances or values are left", "SELECT NOT EXISTS (SELECT 1 FROM subscription_instances) AND NOT EXISTS (SELECT 1 FROM subscription_instance_values)"),
      check("the blocks no model uses any more are deleted", "SELECT NOT EXISTS (SELECT 1 FROM product_blocks)")],
     lost=["TestProductOne", "ProductBlockOneForTest", "SubBlockOneForTest"])

scen("wi_remove_fixed_input", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_fixed_input",
     P1_SUB, reg_product_one(fis=[]),
     [check("the fixed input is deleted", "SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input')"),
      check("the subscription is kept", f"SELECT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '{S1}')")] + P1_UNCHANGED_VALUES)

scen("wi_remove_product_block", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_product_block",
     P1_SUB, reg_product_one(blocks=[]),
     [check("the product no longer uses the block", "SELECT NOT EXISTS (SELECT 1 FROM product_product_blocks)"),
      check("the blocks no model uses any more are deleted", "SELECT NOT EXISTS (SELECT 1 FROM product_blocks)"),
      check("all three int_field values are gone with their instances", "SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'int_field')"),
      check("the subscription is kept", f"SELECT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '{S1}')"), FI_OK],
     lost=["ProductBlockOneForTest", "SubBlockOneForTest"])

scen("wi_remove_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_resource_type",
     P1_SUB, reg_product_one(block_rts=["int_field", "str_field", "enum_field"]),
     [check("list_field is no longer related to ProductBlockOneForTest", block_has_rt("ProductBlockOneForTest", "list_field", neg=True)),
      check("list_field is deleted", rt_absent("list_field")),
      check("the instance has no list_field values left", "SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_values v LEFT JOIN resource_types r USING (resource_type_id) WHERE r.resource_type IS NULL OR r.resource_type = 'list_field')"),
      check("the other values survive", f"SELECT {values_of(I_PB1, 'str_field')} = 'A' AND {values_of(I_PB1, 'int_field')} = '1' AND {values_of(I_PB1, 'enum_field')} = 'bar'")],
     lost=["list_field"])

scen("wi_update_block_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_update_block_resource_type",
     P1_SUB, reg_product_one(block_rts=["int_field", "update_str_field", "list_field", "enum_field"]),
     [check("update_str_field is created with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'update_str_field' AND description = 'test')"),
      check("ProductBlockOneForTest uses update_str_field instead of str_field", block_has_rt("ProductBlockOneForTest", "update_str_field") + " AND NOT " + block_has_rt("ProductBlockOneForTest", "str_field")[7:]),
      check("the block instance's value moved to update_str_field", f"SELECT {values_of(I_PB1, 'update_str_field')} = 'A' AND {values_of(I_PB1, 'str_field')} = ''"),
      check("the sub block instances keep str_field", f"SELECT {values_of(I_SB, 'str_field')} = 'B' AND {values_of(I_SB2, 'str_field')} = 'test'"),
      check("str_field still exists", rt_exists("str_field"))],
     inputs={"update_str_field": {"description": "test"}},
     updates={"block_resource_types": {"ProductBlockOneForTest": {"str_field": "update_str_field"}}})

scen("wi_rename_and_update_block_resource_type", "test_migrate_domain_models_with_instances.py::test_migrate_domain_models_rename_and_update_block_resource_type",
     P1_SUB, reg_product_one(block_rts=["int_field", "update_str_field", "list_field", "enum_field"],
                             sub_rts=["int_field", "other_str_field"]),
     [check("str_field is renamed to other_str_field", rt_exists("other_str_field") + " AND NOT " + rt_exists("str_field")[7:]),
      check("update_str_field is created with its description", "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'update_str_field' AND description = 'test')"),
      check("ProductBlockOneForTest uses update_str_field", block_has_rt("ProductBlockOneForTest", "update_str_field") + " AND NOT " + block_has_rt("ProductBlockOneForTest", "other_str_field")[7:]),
      check("SubBlockOneForTest uses other_str_field", block_has_rt("SubBlockOneForTest", "other_str_field")),
      check("the block instance's value is now update_str_field", f"SELECT {values_of(I_PB1, 'update_str_field')} = 'A' AND {values_of(I_PB1, 'other_str_field')} = ''"),
      check("the sub block instances keep their values as other_str_field", f"SELECT {values_of(I_SB, 'other_str_field')} = 'B' AND {values_of(I_SB2, 'other_str_field')} = 'test'")],
     inputs={"update_str_field": {"description": "test"}},
     updates={"resource_types": {"str_field": "other_str_field"},
              "block_resource_types": {"ProductBlockOneForTest": {"other_str_field": "update_str_field"}}})

# ======================= data safety (beyond the reference) =======================
# A block that stays reachable keeps its instances: P1 and P2 share root block
# Shared; the models put a new root block P1Root (resource type c) above Shared
# for P1 only. orchestrator-core keeps S1's Shared instance but leaves it
# unlinked from the new root; here it is kept and related under the new
# P1Root instance, and no second Shared instance is made.
SH_S1 = "00000000-0000-4000-8000-000000000021"
SH_S2 = "00000000-0000-4000-8000-000000000022"
SH_I1 = "00000000-0000-4000-8000-0000000000c1"
SH_I2 = "00000000-0000-4000-8000-0000000000c2"
SHARED_SUB = "-- two products with the root block Shared, one subscription each\n" + \
    rts("a", "b") + block("Shared", "Shared block", ["a", "b"], tag="SH") + \
    product("P1", "Product one", "Test", "P1", ["Shared"]) + \
    product("P2", "Product two", "Test", "P2", ["Shared"]) + \
    sub(SH_S1, "P1", "S1", "c0ffee00-0000-4000-8000-000000000021") + \
    sub(SH_S2, "P2", "S2", "c0ffee00-0000-4000-8000-000000000022") + \
    inst(SH_I1, SH_S1, "Shared", [("a", "1"), ("b", "2")]) + \
    inst(SH_I2, SH_S2, "Shared", [("a", "3"), ("b", "4")])
scen("wi_new_root_block_keeps_shared", "a new root block above a shared block keeps the shared block's instances (beyond the reference)",
     SHARED_SUB,
     {"products": {"P1": {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["P1Root"]},
                   "P2": {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["Shared"]}},
      "product_blocks": {"P1Root": {"resource_types": ["c"], "product_blocks": ["Shared"]},
                         "Shared": {"resource_types": ["a", "b"], "product_blocks": []}}},
     [check("S1's Shared instance survives with its values", f"SELECT {values_of(SH_I1, 'a')} = '1' AND {values_of(SH_I1, 'b')} = '2'"),
      check("S1 has one Shared instance: the old one, no new empty one", f"SELECT {n_instances(SH_S1, 'Shared')} = 1"),
      check("S1 got one P1Root instance with c = 7", f"SELECT {n_instances(SH_S1, 'P1Root')} = 1 AND {child_values(SH_S1, 'P1Root', 'c')} = '7'"),
      check("the kept Shared instance is related under the new P1Root instance (orchestrator-core leaves it unlinked)",
            "SELECT EXISTS (SELECT 1 FROM subscription_instance_relations r JOIN subscription_instances p ON p.subscription_instance_id = r.in_use_by_id"
            f" JOIN product_blocks b ON b.product_block_id = p.product_block_id WHERE b.name = 'P1Root' AND p.subscription_id = '{SH_S1}' AND r.depends_on_id = '{SH_I1}')"),
      check("S2 is untouched: its Shared instance keeps its values and stays a root instance",
            f"SELECT {values_of(SH_I2, 'a')} = '3' AND {values_of(SH_I2, 'b')} = '4' AND NOT EXISTS (SELECT 1 FROM subscription_instance_relations WHERE depends_on_id = '{SH_I2}') AND {n_instances(SH_S2, 'P1Root')} = 0"),
      check("P1 uses P1Root, P2 still uses Shared", product_has_block("P1", "P1Root") + " AND " + product_has_block("P1", "Shared", neg=True)[7:] + " AND " + product_has_block("P2", "Shared")[7:]),
      check("P1Root depends on Shared", block_has_child("P1Root", "Shared"))],
     inputs={"P1Root": {"description": "root of P1", "tag": "P1R"}, "c": {"description": "c field", "P1Root": "7"}})

# A child block that moves from its parent block to the product itself
# stays reachable: its two instances keep their values and become root
# instances of the subscription (none is made anew).
scen("wi_sub_block_moves_to_product", "a sub block moved from its parent block to the product keeps its instances (beyond the reference)",
     P1_SUB,
     {"products": {"TestProductOne": {"product_type": "Test", "fixed_inputs": ["test_fixed_input"],
                                      "product_blocks": ["ProductBlockOneForTest", "SubBlockOneForTest"]}},
      "product_blocks": {"ProductBlockOneForTest": {"resource_types": ["int_field", "str_field", "list_field", "enum_field"], "product_blocks": []},
                         "SubBlockOneForTest": {"resource_types": ["int_field", "str_field"], "product_blocks": []}}},
     [check("the product uses SubBlockOneForTest directly", product_has_block("TestProductOne", "SubBlockOneForTest")),
      check("ProductBlockOneForTest no longer depends on it", block_has_child("ProductBlockOneForTest", "SubBlockOneForTest", neg=True)),
      check("both sub block instances are kept, no new one", f"SELECT {n_instances(S1, 'SubBlockOneForTest')} = 2 AND EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '{I_SB}') AND EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '{I_SB2}')"),
      check("they are root instances now", f"SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_relations WHERE depends_on_id IN ('{I_SB}', '{I_SB2}'))")] + P1_UNCHANGED_VALUES,
     lost=["block_rel ProductBlockOneForTest | SubBlockOneForTest"])

# A new block with a new child block, added to a product with a subscription:
# the parent's instance is made first, then the child's under it.
scen("wi_new_block_with_new_child", "a new block with a new child block on a product with instances: both instances made, linked (beyond the reference)",
     P1_SUB,
     reg_product_one(blocks=["ProductBlockOneForTest", "NewTop"],
                     extra_blocks={"NewTop": {"resource_types": ["top_field"], "product_blocks": ["NewChild"]},
                                   "NewChild": {"resource_types": ["child_field"], "product_blocks": []}}),
     [check("S1 has one NewTop instance with top_field = t", f"SELECT {n_instances(S1, 'NewTop')} = 1 AND {child_values(S1, 'NewTop', 'top_field')} = 't'"),
      check("S1 has one NewChild instance with child_field = c", f"SELECT {n_instances(S1, 'NewChild')} = 1 AND {child_values(S1, 'NewChild', 'child_field')} = 'c'"),
      check("the NewChild instance is used by the NewTop instance",
            "SELECT EXISTS (SELECT 1 FROM subscription_instance_relations r JOIN subscription_instances p ON p.subscription_instance_id = r.in_use_by_id"
            " JOIN product_blocks pb ON pb.product_block_id = p.product_block_id JOIN subscription_instances c ON c.subscription_instance_id = r.depends_on_id"
            f" JOIN product_blocks cb ON cb.product_block_id = c.product_block_id WHERE pb.name = 'NewTop' AND cb.name = 'NewChild' AND p.subscription_id = '{S1}')")] + P1_UNCHANGED_VALUES,
     inputs={"NewTop": {"description": "new top", "tag": "TOP"}, "NewChild": {"description": "new child", "tag": "CHILD"},
             "top_field": {"description": "top", "NewTop": "t"}, "child_field": {"description": "child", "NewChild": "c"}})

# A rename that also moves the resource type to another block: a leaves B1,
# a2 appears in B2; --updates renames a to a2. The upgrade must converge
# (diff --exit-code clean): B1 loses the renamed type and its values there.
MV_S = "00000000-0000-4000-8000-000000000031"
MV_I1 = "00000000-0000-4000-8000-0000000000d1"
MV_I2 = "00000000-0000-4000-8000-0000000000d2"
MOVE_SUB = "-- a product with blocks B1 (a, x) and B2 (y), one subscription\n" + \
    rts("a", "x", "y") + block("B1", "Block one", ["a", "x"], tag="B1") + \
    block("B2", "Block two", ["y"], tag="B2") + \
    product("PM", "Product M", "Test", "PM", ["B1", "B2"]) + \
    sub(MV_S, "PM", "SM", "c0ffee00-0000-4000-8000-000000000031") + \
    inst(MV_I1, MV_S, "B1", [("a", "1"), ("x", "2")]) + \
    inst(MV_I2, MV_S, "B2", [("y", "3")])
scen("wi_rename_moves_resource_type", "a resource type renamed (--updates) and moved to another block converges (beyond the reference)",
     MOVE_SUB,
     {"products": {"PM": {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["B1", "B2"]}},
      "product_blocks": {"B1": {"resource_types": ["x"], "product_blocks": []},
                         "B2": {"resource_types": ["y", "a2"], "product_blocks": []}}},
     [check("a is renamed to a2", rt_exists("a2") + " AND NOT " + rt_exists("a")[7:]),
      check("B2 uses a2, B1 does not", block_has_rt("B2", "a2") + " AND " + block_has_rt("B1", "a2", neg=True)[7:]),
      check("B1's instance has no a2 value left, keeps x", f"SELECT {values_of(MV_I1, 'a2')} = '' AND {values_of(MV_I1, 'x')} = '2'"),
      check("B2's instance got a2 = 5 and keeps y", f"SELECT {values_of(MV_I2, 'a2')} = '5' AND {values_of(MV_I2, 'y')} = '3'")],
     inputs={"a2": {"B2": "5"}},
     updates={"resource_types": {"a": "a2"}},
     lost=["block_rt B1 | a"])

# Deleting a product deletes the processes linked only to its subscriptions;
# a process that also touched a subscription of another product survives.
PR_SA = "00000000-0000-4000-8000-000000000041"
PR_SB = "00000000-0000-4000-8000-000000000042"
PR_IA = "00000000-0000-4000-8000-0000000000e1"
PR_IB = "00000000-0000-4000-8000-0000000000e2"
PROC_ONLY_A = "00000000-0000-4000-8000-0000000000f1"
PROC_SHARED = "00000000-0000-4000-8000-0000000000f2"
PROC_ONLY_B = "00000000-0000-4000-8000-0000000000f3"
def proc(pid, subs):
    s = ("INSERT INTO processes (pid, workflow_id, last_status)\n"
         f"\tSELECT '{pid}', workflow_id, 'completed' FROM workflows WHERE name = 'modify';\n")
    for sid in subs:
        s += f"INSERT INTO processes_subscriptions (pid, subscription_id) VALUES ('{pid}', '{sid}');\n"
    return s
PROC_SUB = "-- products PA and PB, one subscription each, three processes\n" + \
    rts("fa", "fb") + block("BA", "Block A", ["fa"], tag="BA") + block("BB", "Block B", ["fb"], tag="BB") + \
    product("PA", "Product A", "Test", "PA", ["BA"]) + product("PB", "Product B", "Test", "PB", ["BB"]) + \
    sub(PR_SA, "PA", "SA", "c0ffee00-0000-4000-8000-000000000041") + \
    sub(PR_SB, "PB", "SB", "c0ffee00-0000-4000-8000-000000000042") + \
    inst(PR_IA, PR_SA, "BA", [("fa", "1")]) + inst(PR_IB, PR_SB, "BB", [("fb", "2")]) + \
    "INSERT INTO workflows (name, target, description) VALUES ('modify', 'MODIFY', 'modify');\n" + \
    proc(PROC_ONLY_A, [PR_SA]) + proc(PROC_SHARED, [PR_SA, PR_SB]) + proc(PROC_ONLY_B, [PR_SB])
scen("wi_remove_product_shared_process", "deleting a product keeps a process shared with another product (beyond the reference)",
     PROC_SUB,
     {"products": {"PB": {"product_type": "Test", "fixed_inputs": [], "product_blocks": ["BB"]}},
      "product_blocks": {"BB": {"resource_types": ["fb"], "product_blocks": []}}},
     [check("PA and its subscription are deleted", f"SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'PA') AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '{PR_SA}')"),
      check("the process linked only to PA's subscription is deleted", f"SELECT NOT EXISTS (SELECT 1 FROM processes WHERE pid = '{PROC_ONLY_A}')"),
      check("the process shared with PB's subscription survives, linked to PB's only",
            f"SELECT EXISTS (SELECT 1 FROM processes WHERE pid = '{PROC_SHARED}') AND (SELECT array_agg(subscription_id::text) FROM processes_subscriptions WHERE pid = '{PROC_SHARED}') = ARRAY['{PR_SB}']"),
      check("PB's own process survives", f"SELECT EXISTS (SELECT 1 FROM processes_subscriptions WHERE pid = '{PROC_ONLY_B}' AND subscription_id = '{PR_SB}')"),
      check("PB's subscription keeps its instance and value", f"SELECT {values_of(PR_IB, 'fb')} = '2'"),
      check("PA's instance and its value are gone", f"SELECT NOT EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '{PR_IA}') AND NOT EXISTS (SELECT 1 FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'fa')")],
     lost=["PA", "BA"])

# ======================= workshop (seed 001) =======================
scen("workshop_user_products", "workshop 'Database migration' exercise (seed 001): User Group / User internal / User external",
     "-- an empty catalogue: the orchestrator schema only\n",
     {"products": {
         "User Group": {"product_type": "UserGroup", "fixed_inputs": [], "product_blocks": ["UserGroupBlock"]},
         "User internal": {"product_type": "User", "fixed_inputs": ["affiliation"], "product_blocks": ["UserBlock"]},
         "User external": {"product_type": "User", "fixed_inputs": ["affiliation"], "product_blocks": ["UserBlock"]}},
      "product_blocks": {
         "UserGroupBlock": {"resource_types": ["group_name", "group_id"], "product_blocks": []},
         "UserBlock": {"resource_types": ["username", "age", "user_id"], "product_blocks": ["UserGroupBlock"]}}},
     [check("three products with the seed's descriptions, types and tags",
            "SELECT count(*) = 3 FROM products WHERE (name, description, product_type, tag, status) IN (('User Group', 'user group administration', 'UserGroup', 'GROUP', 'active'), ('User internal', 'user administration - internal', 'User', 'USER_INT', 'active'), ('User external', 'user administration - external', 'User', 'USER_EXT', 'active'))"),
      check("fixed input affiliation per User product", "SELECT count(*) = 2 FROM fixed_inputs f JOIN products p USING (product_id) WHERE (p.name, f.name, f.value) IN (('User internal', 'affiliation', 'internal'), ('User external', 'affiliation', 'external'))"),
      check("two blocks with descriptions and tags", "SELECT count(*) = 2 FROM product_blocks WHERE (name, description, tag) IN (('UserGroupBlock', 'user group block', 'UGB'), ('UserBlock', 'user block', 'UB'))"),
      check("UserBlock depends on UserGroupBlock", block_has_child("UserBlock", "UserGroupBlock")),
      check("each product uses its root block", "SELECT count(*) = 3 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE (p.name, b.name) IN (('User Group', 'UserGroupBlock'), ('User internal', 'UserBlock'), ('User external', 'UserBlock'))"),
      check("five resource types with the seed's descriptions", "SELECT count(*) = 5 FROM resource_types WHERE (resource_type, description) IN (('group_name', 'name of the user group'), ('group_id', 'id of the user group'), ('username', 'name of the user'), ('age', 'age of the user'), ('user_id', 'id of the user'))"),
      check("block resource types as in the model", "SELECT count(*) = 5 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE (b.name, r.resource_type) IN (('UserGroupBlock', 'group_name'), ('UserGroupBlock', 'group_id'), ('UserBlock', 'username'), ('UserBlock', 'age'), ('UserBlock', 'user_id'))")],
     inputs={"User Group": {"description": "user group administration", "tag": "GROUP"},
             "User internal": {"description": "user administration - internal", "tag": "USER_INT", "affiliation": "internal"},
             "User external": {"description": "user administration - external", "tag": "USER_EXT", "affiliation": "external"},
             "UserGroupBlock": {"description": "user group block", "tag": "UGB"},
             "UserBlock": {"description": "user block", "tag": "UB"},
             "group_name": {"description": "name of the user group"}, "group_id": {"description": "id of the user group"},
             "username": {"description": "name of the user"}, "age": {"description": "age of the user"},
             "user_id": {"description": "id of the user"}})

for name, s in S.items():
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for f in ("inputs.json", "updates.json", "downgrade-lost.txt"):
        p = os.path.join(d, f)
        if os.path.exists(p):
            os.remove(p)
    with open(os.path.join(d, "before.sql"), "w") as f:
        f.write(f"-- before.sql - {s['title']}\n-- The catalogue and instance data as the reference's fixtures make them;\n-- loaded after data/schema.sql on a fresh database.\n")
        f.write(s["before"])
    with open(os.path.join(d, "registry.json"), "w") as f:
        json.dump(s["registry"], f, indent=2)
        f.write("\n")
    with open(os.path.join(d, "checks.sql"), "w") as f:
        f.write(f"-- checks.sql - {s['title']}\n-- One boolean SELECT per assertion, run after the upgrade.\n\n")
        f.write("\n".join(s["checks"]))
    if s["inputs"] is not None:
        with open(os.path.join(d, "inputs.json"), "w") as f:
            json.dump(s["inputs"], f, indent=2); f.write("\n")
    if s["updates"] is not None:
        with open(os.path.join(d, "updates.json"), "w") as f:
            json.dump(s["updates"], f, indent=2); f.write("\n")
    if s["lost"]:
        with open(os.path.join(d, "downgrade-lost.txt"), "w") as f:
            f.write("".join(l + "\n" for l in s["lost"]))
print(len(S), "scenarios")

import { describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { findListParent, parentOverrides } from './parents';

const snapshot = await loadRegistrySnapshot();

describe('findListParent', () => {
  it('finds the parents the overrides name by the heuristic alone, too', () => {
    for (const [child, parent] of Object.entries(parentOverrides)) {
      expect(findListParent(snapshot, child, false), child).toEqual(parent);
    }
  });

  it('uses the override first', () => {
    expect(findListParent(snapshot, 'AWS::SageMaker::ModelPackage')).toEqual({
      typeName: 'AWS::SageMaker::ModelPackageGroup',
      property: 'ModelPackageGroupName',
      parentProperty: 'ModelPackageGroupName',
    });
  });

  it('has no parent for a type whose list needs none, or an unknown type', () => {
    expect(findListParent(snapshot, 'AWS::SageMaker::Image')).toBeUndefined();
    expect(findListParent(snapshot, 'AWS::Nope::Thing')).toBeUndefined();
  });

  it('finds a parent for most types whose list requires one', () => {
    const needing = snapshot
      .typeNames()
      .filter(
        (name) => (snapshot.schema(name)?.handlers?.list?.handlerSchema?.required ?? []).length > 0,
      );
    const found = needing.filter((name) => findListParent(snapshot, name) !== undefined);
    // A heuristic: it should cover the clear majority, not every odd one.
    expect(found.length / needing.length).toBeGreaterThan(0.5);
  });
});

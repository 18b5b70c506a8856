import { describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from './snapshot';
import { listHandlerInputs, listNeedsModel } from './list-handler';

const snapshot = await loadRegistrySnapshot();

function inputsOf(typeName: string) {
  const schema = snapshot.schema(typeName);
  if (!schema) throw new Error(`${typeName} missing`);
  return listHandlerInputs(schema);
}

describe('listHandlerInputs', () => {
  it('reads required parents', () => {
    expect(inputsOf('AWS::SageMaker::ImageVersion')).toEqual({
      parameters: ['ImageName'],
      required: ['ImageName'],
      alternatives: [],
    });
    expect(inputsOf('AWS::EKS::Nodegroup').required).toEqual(['ClusterName']);
  });

  it('reads optional parents', () => {
    const inputs = inputsOf('AWS::SageMaker::ModelPackage');
    expect(inputs).toEqual({
      parameters: ['ModelPackageGroupName'],
      required: [],
      alternatives: [],
    });
    expect(listNeedsModel(inputs)).toBe(false);
  });

  it('reads anyOf/oneOf alternatives; only what every alternative needs is required', () => {
    const listener = inputsOf('AWS::ElasticLoadBalancingV2::Listener');
    expect(listener.alternatives).toEqual([['LoadBalancerArn'], ['ListenerArns']]);
    expect(listener.required).toEqual([]);
    expect(listNeedsModel(listener)).toBe(true);
    expect(inputsOf('AWS::AppStream::StackUserAssociation').alternatives).toEqual([
      ['StackName'],
      ['UserName', 'AuthenticationType'],
    ]);
  });

  it('treats an empty required list as optional, and no handler schema as no inputs', () => {
    expect(listNeedsModel(inputsOf('AWS::Logs::LogGroup'))).toBe(false);
    expect(inputsOf('AWS::SageMaker::Image')).toEqual({
      parameters: [],
      required: [],
      alternatives: [],
    });
  });
});
